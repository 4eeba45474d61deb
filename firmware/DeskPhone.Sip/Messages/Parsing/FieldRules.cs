using DeskPhone.Sip.Messages.Syntax;

namespace DeskPhone.Sip.Messages.Parsing;

/// <summary>Which grammar each known header must satisfy, and which may appear only once (RFC 3261 §7.3.1, §20).</summary>
internal static class FieldRules
{
    /// <summary>The defect of a header value, or null when it is well formed (or not checked).</summary>
    public static string? Check(HeaderKind kind, ReadOnlySpan<byte> value) => kind switch
    {
        HeaderKind.Via => HeaderSyntax.IsViaList(value) ? null : "malformed Via",
        HeaderKind.From => HeaderSyntax.IsSingleAddress(value) ? null : "malformed From",
        HeaderKind.To => HeaderSyntax.IsSingleAddress(value) ? null : "malformed To",
        HeaderKind.CallId => HeaderSyntax.IsCallId(value) ? null : "malformed Call-ID",
        HeaderKind.CSeq => HeaderSyntax.TryReadCSeq(value, out _, out _) ? null : "malformed CSeq",
        HeaderKind.Contact => HeaderSyntax.IsContactList(value) ? null : "malformed Contact",
        HeaderKind.MaxForwards => HeaderSyntax.IsDigits(value) ? null : "malformed Max-Forwards",
        HeaderKind.ContentLength => HeaderSyntax.IsDigits(value) ? null : "malformed Content-Length",
        HeaderKind.ContentType => HeaderSyntax.IsMediaType(value) ? null : "malformed Content-Type",
        HeaderKind.Route => HeaderSyntax.IsRouteList(value) ? null : "malformed Route",
        HeaderKind.RecordRoute => HeaderSyntax.IsRouteList(value) ? null : "malformed Record-Route",
        HeaderKind.Date => HeaderSyntax.IsDate(value) ? null : "malformed Date",
        HeaderKind.Expires => HeaderSyntax.IsDigits(value) ? null : "malformed Expires",
        HeaderKind.Require => HeaderSyntax.IsTokenList(value, emptyAllowed: false) ? null : "malformed Require",
        HeaderKind.ProxyRequire => HeaderSyntax.IsTokenList(value, emptyAllowed: false) ? null : "malformed Proxy-Require",
        HeaderKind.Supported => HeaderSyntax.IsTokenList(value, emptyAllowed: true) ? null : "malformed Supported",
        HeaderKind.Unsupported => HeaderSyntax.IsTokenList(value, emptyAllowed: true) ? null : "malformed Unsupported",
        HeaderKind.Allow => HeaderSyntax.IsTokenList(value, emptyAllowed: true) ? null : "malformed Allow",
        _ => null,
    };

    /// <summary>Headers whose grammar allows one value, so a second field is a defect (RFC 4475 §3.3.8, §3.3.9).</summary>
    public static bool IsSingle(HeaderKind kind) => kind is HeaderKind.From or HeaderKind.To or HeaderKind.CallId
        or HeaderKind.CSeq or HeaderKind.MaxForwards or HeaderKind.ContentLength or HeaderKind.ContentType
        or HeaderKind.Date or HeaderKind.Expires;
}
