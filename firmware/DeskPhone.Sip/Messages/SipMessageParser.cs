using System.Globalization;
using System.Text;

namespace DeskPhone.Sip.Messages;

/// <summary>
/// Parses one SIP message from a UDP datagram (RFC 3261 §7, §18.3). Never throws on input: every
/// defect comes back as a value naming it.
/// </summary>
public static class SipMessageParser
{
    /// <summary>Largest datagram accepted; RFC 3261 §18.1.1 keeps UDP messages well under this.</summary>
    public const int MaxMessageBytes = 65_535;

    private const int MaxHeaderLines = 256;

    public static SipParseResult Parse(ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length > MaxMessageBytes)
        {
            return SipParseResult.Fail("message too large");
        }

        // RFC 3261 §7.5: ignore CRLFs before the start line (keep-alives, stray bytes).
        while (datagram.Length >= 2 && datagram[0] == '\r' && datagram[1] == '\n')
        {
            datagram = datagram[2..];
        }

        var headEnd = datagram.IndexOf("\r\n\r\n"u8);
        if (headEnd < 0)
        {
            return SipParseResult.Fail("no empty line after the headers");
        }

        var head = datagram[..headEnd];
        var body = datagram[(headEnd + 4)..];
        string headText;
        try
        {
            headText = Strict.GetString(head);
        }
        catch (DecoderFallbackException)
        {
            return SipParseResult.Fail("header bytes are not UTF-8");
        }

        var lines = Unfold(headText);
        if (lines.Count == 0 || lines.Count > MaxHeaderLines)
        {
            return SipParseResult.Fail("bad number of header lines");
        }

        var message = ParseStartLine(lines[0], out var startDefect);
        if (message is null)
        {
            return SipParseResult.Fail(startDefect!);
        }

        for (var i = 1; i < lines.Count; i++)
        {
            var colon = lines[i].IndexOf(':');
            if (colon <= 0)
            {
                return Defect(message, "malformed header line");
            }

            var name = lines[i].AsSpan(0, colon).TrimEnd();
            if (name.IndexOfAny(' ', '\t') >= 0)
            {
                return Defect(message, "malformed header name");
            }

            message.Add(HeaderNames.Canonical(name), lines[i][(colon + 1)..].Trim());
        }

        var mandatoryDefect = CheckMandatoryHeaders(message);
        if (mandatoryDefect is not null)
        {
            return Defect(message, mandatoryDefect);
        }

        var lengthText = message.Get(HeaderNames.ContentLength);
        if (lengthText is not null)
        {
            if (!int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                return Defect(message, "bad Content-Length");
            }

            // RFC 3261 §18.3: over UDP, bytes past Content-Length are discarded; fewer is an error.
            if (length > body.Length)
            {
                return Defect(message, "body shorter than Content-Length");
            }

            body = body[..length];
        }

        message.Body = body.ToArray();
        return SipParseResult.Ok(message);
    }

    private static SipParseResult Defect(SipMessage message, string defect)
    {
        var answerable = message is SipRequest request && CheckMandatoryHeaders(request) is null ? request : null;
        return SipParseResult.Fail(defect, answerable);
    }

    private static string? CheckMandatoryHeaders(SipMessage message)
    {
        if (!Via.TryParse(message.GetAll(HeaderNames.Via).FirstOrDefault(), out _))
        {
            return "missing or malformed Via";
        }

        if (!NameAddress.TryParse(message.Get(HeaderNames.From), out _))
        {
            return "missing or malformed From";
        }

        if (!NameAddress.TryParse(message.Get(HeaderNames.To), out _))
        {
            return "missing or malformed To";
        }

        if (string.IsNullOrEmpty(message.Get(HeaderNames.CallId)))
        {
            return "missing Call-ID";
        }

        if (!CSeq.TryParse(message.Get(HeaderNames.CSeq), out var cseq))
        {
            return "missing or malformed CSeq";
        }

        if (message is SipRequest request && !cseq.Method.Equals(request.Method, StringComparison.Ordinal))
        {
            return "CSeq method does not match the request method";
        }

        return null;
    }

    private static SipMessage? ParseStartLine(string line, out string? defect)
    {
        defect = null;
        var parts = line.Split(' ', 3);
        if (parts.Length < 3)
        {
            defect = "malformed start line";
            return null;
        }

        if (parts[0].StartsWith("SIP/", StringComparison.Ordinal))
        {
            if (parts[0] != "SIP/2.0")
            {
                defect = "unsupported SIP version";
                return null;
            }

            if (parts[1].Length != 3 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code < 100)
            {
                defect = "malformed status code";
                return null;
            }

            return new SipResponse(code, parts[2]);
        }

        if (parts[2] != "SIP/2.0")
        {
            defect = parts[2].StartsWith("SIP/", StringComparison.Ordinal) ? "unsupported SIP version" : "malformed request line";
            return null;
        }

        if (!IsToken(parts[0]) || parts[1].Length == 0)
        {
            defect = "malformed request line";
            return null;
        }

        return new SipRequest(parts[0], parts[1]);
    }

    private static bool IsToken(string text)
    {
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "-.!%*_+`'~".Contains(c)))
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    /// <summary>Joins continuation lines (leading SP/HT) to the line before (RFC 3261 §7.3.1).</summary>
    private static List<string> Unfold(string head)
    {
        var lines = new List<string>();
        foreach (var raw in head.Split("\r\n"))
        {
            if (raw.Length > 0 && (raw[0] == ' ' || raw[0] == '\t') && lines.Count > 1)
            {
                lines[^1] = lines[^1] + " " + raw.Trim();
            }
            else
            {
                lines.Add(raw);
            }
        }

        return lines;
    }

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
