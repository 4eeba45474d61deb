using System.Text;
using DeskPhone.Sip.Messages.Syntax;

namespace DeskPhone.Sip.Messages.Parsing;

/// <summary>
/// Request-Line = Method SP Request-URI SP SIP-Version; Status-Line = SIP-Version SP Status-Code
/// SP Reason-Phrase (RFC 3261 §7.1, §7.2, §25.1). Single SPs only: extra or trailing whitespace
/// and whitespace inside the Request-URI are defects (RFC 4475 §3.1.2.8–3.1.2.10).
/// </summary>
internal static class StartLineParser
{
    /// <summary>False when the line is not recognisable as either; <paramref name="fatal"/> says why.</summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out StartLine startLine, out string? fatal)
    {
        return IsSipVersionPrefix(line)
            ? TryParseStatusLine(line, out startLine, out fatal)
            : TryParseRequestLine(line, out startLine, out fatal);
    }

    private static bool TryParseRequestLine(ReadOnlySpan<byte> line, out StartLine startLine, out string? fatal)
    {
        startLine = default;
        fatal = null;
        var space = line.IndexOf((byte)' ');
        if (space <= 0 || !SipCharacters.IsToken(line[..space]))
        {
            fatal = "malformed start line";
            return false;
        }

        string? defect = null;
        var rest = line[(space + 1)..];
        var trimmed = rest.TrimEnd(" \t"u8);
        if (trimmed.Length != rest.Length)
        {
            defect = "whitespace at the end of the request line";
        }

        var lastSpace = trimmed.LastIndexOf((byte)' ');
        var version = lastSpace < 0 ? default : trimmed[(lastSpace + 1)..];
        if (lastSpace < 0 || !IsSipVersion(version))
        {
            fatal = "malformed request line";
            return false;
        }

        var uriField = trimmed[..lastSpace];
        var uri = uriField.Trim(" \t"u8);
        if (uri.IsEmpty)
        {
            fatal = "malformed request line";
            return false;
        }

        if (uri.Length != uriField.Length)
        {
            defect ??= "extra spaces in the request line";
        }

        defect ??= RequestUriDefect(uri);
        var unsupported = !Ascii.EqualsIgnoreCase(version, "SIP/2.0"u8);
        startLine = new StartLine
        {
            IsRequest = true,
            Method = line[..space],
            RequestUri = uri,
            Defect = unsupported ? "unsupported SIP version" : defect,
            UnsupportedVersion = unsupported,
        };
        return true;
    }

    /// <summary>
    /// The Request-URI is an absoluteURI without whitespace; a SIP URI there may not carry
    /// headers (RFC 3261 §19.1.1 Table 1, RFC 4475 §3.1.2.11).
    /// </summary>
    private static string? RequestUriDefect(ReadOnlySpan<byte> uri)
    {
        if (uri.IndexOfAny(" \t"u8) >= 0)
        {
            return "whitespace in the Request-URI";
        }

        if (!UriSyntax.IsSipScheme(uri))
        {
            return UriSyntax.IsAbsoluteUri(uri) ? null : "malformed Request-URI";
        }

        if (!UriSyntax.TryParseSip(uri, out var parts))
        {
            return "malformed Request-URI";
        }

        return parts.Headers.IsEmpty && !uri.EndsWith("?"u8) ? null : "headers in the Request-URI";
    }

    private static bool TryParseStatusLine(ReadOnlySpan<byte> line, out StartLine startLine, out string? fatal)
    {
        startLine = default;
        fatal = null;
        var space = line.IndexOf((byte)' ');
        if (space < 0 || !Ascii.EqualsIgnoreCase(line[..space], "SIP/2.0"u8))
        {
            fatal = space > 0 && IsSipVersion(line[..space]) ? "unsupported SIP version" : "malformed status line";
            return false;
        }

        var rest = line[(space + 1)..];
        if (rest.Length < 3 || !SipCharacters.IsDigits(rest[..3]) || (rest.Length > 3 && rest[3] != ' '))
        {
            fatal = "malformed status code";
            return false;
        }

        var code = ((rest[0] - '0') * 100) + ((rest[1] - '0') * 10) + (rest[2] - '0');
        if (code is < 100 or > 699)
        {
            fatal = "status code out of range";
            return false;
        }

        startLine = new StartLine { StatusCode = code, ReasonPhrase = rest.Length > 3 ? rest[4..] : default };
        return true;
    }

    private static bool IsSipVersionPrefix(ReadOnlySpan<byte> line) =>
        line.Length >= 4 && Ascii.EqualsIgnoreCase(line[..4], "SIP/"u8);

    /// <summary>SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT ("SIP" in any case, §7.1).</summary>
    private static bool IsSipVersion(ReadOnlySpan<byte> version)
    {
        if (!IsSipVersionPrefix(version))
        {
            return false;
        }

        var number = version[4..];
        var dot = number.IndexOf((byte)'.');
        return dot > 0 && SipCharacters.IsDigits(number[..dot]) && SipCharacters.IsDigits(number[(dot + 1)..]);
    }
}
