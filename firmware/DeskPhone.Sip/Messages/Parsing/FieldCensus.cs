using DeskPhone.Sip.Messages.Syntax;

namespace DeskPhone.Sip.Messages.Parsing;

/// <summary>
/// What the parser learns while reading header fields: the first defect, which single-valued
/// headers it saw, the CSeq, the Content-Length, and whether the top Via can route an answer.
/// </summary>
internal ref struct FieldCensus
{
    private uint seen;

    public string? Defect { get; private set; }

    /// <summary>The top Via's sent-protocol and sent-by could be read (RFC 3261 §18.2.2).</summary>
    public bool TopViaReadable { get; private set; }

    public ReadOnlySpan<byte> CSeqMethod { get; private set; }

    /// <summary>The Content-Length value, or -1 when absent.</summary>
    public long ContentLength { get; private set; }

    public static FieldCensus Start(string? startLineDefect) => new() { Defect = startLineDefect, ContentLength = -1 };

    public void Report(string defect) => Defect ??= defect;

    public void Observe(HeaderKind kind, ReadOnlySpan<byte> value)
    {
        var bit = 1u << (int)kind;
        if (FieldRules.IsSingle(kind) && (seen & bit) != 0)
        {
            Report("more than one " + KindName(kind));
        }

        if (kind == HeaderKind.Via && (seen & bit) == 0)
        {
            var scanner = new SipScanner(value);
            TopViaReadable = ViaSyntax.TryReadSentBy(ref scanner, out _);
        }

        seen |= bit;
        switch (kind)
        {
            case HeaderKind.CSeq when HeaderSyntax.TryReadCSeq(value, out _, out var method):
                CSeqMethod = method;
                break;
            case HeaderKind.ContentLength when HeaderSyntax.IsDigits(value):
                ContentLength = HeaderSyntax.TryParseUInt32(value, out var length) && length <= SipLimits.MaxContentLength ? length : long.MaxValue;
                break;
            default:
                if (FieldRules.Check(kind, value) is { } defect)
                {
                    Report(defect);
                }

                break;
        }
    }

    /// <summary>Via, From, To, Call-ID and CSeq must be in every message (RFC 3261 §8.1.1, §20).</summary>
    public void RequireMandatoryHeaders()
    {
        foreach (var kind in (ReadOnlySpan<HeaderKind>)[HeaderKind.Via, HeaderKind.From, HeaderKind.To, HeaderKind.CallId, HeaderKind.CSeq])
        {
            if ((seen & (1u << (int)kind)) == 0)
            {
                Report("missing " + KindName(kind));
            }
        }
    }

    private static string KindName(HeaderKind kind) => kind switch
    {
        HeaderKind.Via => HeaderNames.Via,
        HeaderKind.From => HeaderNames.From,
        HeaderKind.To => HeaderNames.To,
        HeaderKind.CallId => HeaderNames.CallId,
        HeaderKind.CSeq => HeaderNames.CSeq,
        HeaderKind.MaxForwards => HeaderNames.MaxForwards,
        HeaderKind.ContentLength => HeaderNames.ContentLength,
        HeaderKind.ContentType => HeaderNames.ContentType,
        HeaderKind.Date => HeaderNames.Date,
        HeaderKind.Expires => HeaderNames.Expires,
        _ => kind.ToString(),
    };
}
