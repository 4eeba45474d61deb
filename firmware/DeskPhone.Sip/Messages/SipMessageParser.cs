using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using DeskPhone.Sip.Messages.Parsing;
using DeskPhone.Sip.Messages.Syntax;

namespace DeskPhone.Sip.Messages;

/// <summary>
/// Parses one SIP message from a UDP datagram (RFC 3261 §7, §18.3, §25; RFC 5118). Never throws
/// on input: every defect comes back as a value naming it. The datagram is copied once; header
/// values stay bytes of that copy until read. Liberal where RFC 4475 asks for it (LWS, folding,
/// case, bare LF line ends, a missing final empty line), strict where it asks for 400.
/// </summary>
public static class SipMessageParser
{
    /// <summary>Largest datagram accepted.</summary>
    public const int MaxMessageBytes = SipLimits.MaxMessageBytes;

    public static SipParseResult Parse(ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length > MaxMessageBytes)
        {
            return SipParseResult.Fail("message too large");
        }

        // RFC 3261 §7.5: ignore line breaks before the start line (keep-alives, stray bytes).
        var leading = datagram.IndexOfAnyExcept("\r\n"u8);
        if (leading < 0)
        {
            return SipParseResult.Fail("no message, only line breaks");
        }

        datagram = datagram[leading..];
        if (!TryFindHeadEnd(datagram, out var headEnd, out var bodyStart))
        {
            return SipParseResult.Fail("no empty line after the headers");
        }

        var head = datagram[..headEnd];
        if (!Utf8.IsValid(head))
        {
            return SipParseResult.Fail("header bytes are not UTF-8");
        }

        var startLineEnd = head.IndexOf((byte)'\n');
        if (!StartLineParser.TryParse(TrimCarriageReturn(head[..startLineEnd]), out var startLine, out var fatal))
        {
            return SipParseResult.Fail(fatal!);
        }

        var source = datagram.ToArray();
        var table = new HeaderTable(source, head[(startLineEnd + 1)..].Count((byte)'\n'));
        var census = FieldCensus.Start(startLine.Defect);
        ReadFields(source.AsSpan(0, headEnd), startLineEnd + 1, table, ref census);
        census.RequireMandatoryHeaders();

        SipMessage message = startLine.IsRequest
            ? new SipRequest(SipMethods.Intern(startLine.Method) ?? Encoding.UTF8.GetString(startLine.Method), table, OffsetIn(datagram, startLine.RequestUri), startLine.RequestUri.Length)
            : new SipResponse(startLine.StatusCode, Encoding.UTF8.GetString(startLine.ReasonPhrase), table);
        if (startLine.IsRequest && !census.CSeqMethod.IsEmpty && !census.CSeqMethod.SequenceEqual(startLine.Method))
        {
            census.Report("CSeq method does not match the request method");
        }

        // RFC 3261 §18.3: over UDP, bytes past Content-Length are discarded; fewer is an error.
        // Without Content-Length the body runs to the end of the datagram (§20.14).
        var available = source.Length - bodyStart;
        if (census.ContentLength > SipLimits.MaxContentLength)
        {
            census.Report("Content-Length too large");
        }
        else if (census.ContentLength > available)
        {
            census.Report("body shorter than Content-Length");
        }

        if (census.Defect is { } defect)
        {
            var answerable = message is SipRequest request && census.TopViaReadable ? request : null;
            return SipParseResult.Fail(defect, answerable) with { UnsupportedVersion = startLine.UnsupportedVersion };
        }

        message.Body = source.AsMemory(bodyStart, census.ContentLength < 0 ? available : (int)census.ContentLength);
        return SipParseResult.Ok(message);
    }

    /// <summary>
    /// The header section ends at the first empty line (CRLF or bare LF). A datagram that ends
    /// right after a complete header line lacks only that empty line: UDP framing makes the
    /// intent clear, so it is read as having no body (RFC 4475 and RFC 5118 carry such files).
    /// </summary>
    private static bool TryFindHeadEnd(ReadOnlySpan<byte> datagram, out int headEnd, out int bodyStart)
    {
        var bareLf = datagram.IndexOf("\n\n"u8);
        var crLf = datagram.IndexOf("\n\r\n"u8);
        if (bareLf >= 0 && (crLf < 0 || bareLf < crLf))
        {
            headEnd = bareLf + 1;
            bodyStart = bareLf + 2;
            return true;
        }

        if (crLf >= 0)
        {
            headEnd = crLf + 1;
            bodyStart = crLf + 3;
            return true;
        }

        headEnd = bodyStart = datagram.Length;
        return !datagram.IsEmpty && datagram[^1] == '\n';
    }

    /// <summary>Reads each header field (with its continuation lines, §7.3.1) into the table.</summary>
    private static void ReadFields(ReadOnlySpan<byte> head, int position, HeaderTable table, ref FieldCensus census)
    {
        while (position < head.Length)
        {
            var end = position + head[position..].IndexOf((byte)'\n');
            while (end + 1 < head.Length && head[end + 1] is (byte)' ' or (byte)'\t')
            {
                end += 1 + head[(end + 1)..].IndexOf((byte)'\n');
            }

            var fieldStart = position;
            var field = TrimCarriageReturn(head[fieldStart..end]);
            position = end + 1;
            if (table.Count == SipLimits.MaxHeaderFields)
            {
                census.Report("too many header fields");
                return;
            }

            if (field.Length > SipLimits.MaxHeaderFieldBytes)
            {
                census.Report("header field too long");
                continue;
            }

            var colon = field.IndexOf((byte)':');
            var name = colon < 0 ? default : field[..colon].TrimEnd(" \t"u8);
            if (!SipCharacters.IsToken(name))
            {
                census.Report(colon < 0 ? "malformed header line" : "malformed header name");
                continue;
            }

            var valueStart = colon + 1 + field[(colon + 1)..].IndexOfAnyExcept(SipCharacters.Whitespace);
            if (valueStart == colon)
            {
                valueStart = field.Length;
            }

            var value = field[valueStart..].TrimEnd(" \t\r\n"u8);
            var canonical = KnownHeaders.Lookup(name, out var kind);
            table.AddParsed(canonical, fieldStart + valueStart, value.Length, value.IndexOfAny("\r\n"u8) >= 0);
            census.Observe(kind, value);
        }
    }

    /// <summary>Where <paramref name="part"/>, a slice of <paramref name="whole"/>, starts in it.</summary>
    private static int OffsetIn(ReadOnlySpan<byte> whole, ReadOnlySpan<byte> part) =>
        (int)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(whole), ref MemoryMarshal.GetReference(part));

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        !line.IsEmpty && line[^1] == '\r' ? line[..^1] : line;
}
