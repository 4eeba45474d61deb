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

    private const string NoEmptyLine = "no empty line after the headers";

    // The fields go into a stack buffer and are copied out at their exact count; only the part
    // written is read, so its 2 KB are not cleared for every datagram.
    [SkipLocalsInit]
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
        var startLineEnd = datagram.IndexOf((byte)'\n');
        if (startLineEnd < 0)
        {
            return SipParseResult.Fail(NoEmptyLine);
        }

        // The start line is read before the header fields so its defect is the one reported
        // first; a fatal one is reported only after the framing and encoding checks below.
        var recognised = StartLineParser.TryParse(TrimCarriageReturn(datagram[..startLineEnd]), out var startLine, out var fatal);
        var census = FieldCensus.Start(startLine.Defect);
        Span<HeaderField> fields = stackalloc HeaderField[SipLimits.MaxHeaderFields];
        if (!TryReadHead(datagram, startLineEnd + 1, fields, ref census, out var head))
        {
            return SipParseResult.Fail(NoEmptyLine);
        }

        if (!Utf8.IsValid(datagram[..head.End]))
        {
            return SipParseResult.Fail("header bytes are not UTF-8");
        }

        if (!recognised)
        {
            return SipParseResult.Fail(fatal!);
        }

        census.RequireMandatoryHeaders();
        var source = datagram.ToArray();
        var table = new HeaderTable(source, fields[..head.FieldCount].ToArray());
        SipMessage message = startLine.IsRequest
            ? new SipRequest(SipMethods.Intern(startLine.Method) ?? Encoding.UTF8.GetString(startLine.Method), table, OffsetIn(datagram, startLine.RequestUri), startLine.RequestUri.Length)
            : new SipResponse(startLine.StatusCode, ReasonPhrases.Decode(startLine.ReasonPhrase), table);
        if (startLine.IsRequest && !census.CSeqMethod.IsEmpty && !census.CSeqMethod.SequenceEqual(startLine.Method))
        {
            census.Report("CSeq method does not match the request method");
        }

        // RFC 3261 §18.3: over UDP, bytes past Content-Length are discarded; fewer is an error.
        // Without Content-Length the body runs to the end of the datagram (§20.14).
        var available = source.Length - head.BodyStart;
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

        message.Body = source.AsMemory(head.BodyStart, census.ContentLength < 0 ? available : (int)census.ContentLength);
        return SipParseResult.Ok(message);
    }

    /// <summary>
    /// One pass over the header section from <paramref name="position"/>: each header field, with
    /// its continuation lines (§7.3.1), goes into <paramref name="fields"/> and the census, up to
    /// the first empty line (CRLF or bare LF). A datagram that ends right after a complete header
    /// line lacks only that empty line: UDP framing makes the intent clear, so it is read as
    /// having no body (RFC 4475 and RFC 5118 carry such files). False when a line is unfinished.
    /// </summary>
    private static bool TryReadHead(ReadOnlySpan<byte> datagram, int position, scoped Span<HeaderField> fields, ref FieldCensus census, out HeadLayout head)
    {
        var count = 0;
        var full = false;
        while (position < datagram.Length)
        {
            var line = datagram[position..];
            if (line[0] == '\n' || (line[0] == '\r' && line.Length > 1 && line[1] == '\n'))
            {
                head = new HeadLayout(position, position + (line[0] == '\n' ? 1 : 2), count);
                return true;
            }

            var end = line.IndexOf((byte)'\n');
            if (end < 0)
            {
                break;
            }

            end += position;
            while (end + 1 < datagram.Length && datagram[end + 1] is (byte)' ' or (byte)'\t')
            {
                var fold = datagram[(end + 1)..].IndexOf((byte)'\n');
                if (fold < 0)
                {
                    head = default;
                    return false;
                }

                end += 1 + fold;
            }

            if (!full && count == fields.Length)
            {
                census.Report("too many header fields");
                full = true;
            }

            if (!full && ReadField(datagram, position, end, ref census) is { } field)
            {
                fields[count++] = field;
            }

            position = end + 1;
        }

        head = new HeadLayout(datagram.Length, datagram.Length, count);
        return position == datagram.Length;
    }

    /// <summary>The field from <paramref name="start"/> to the line break at <paramref name="end"/>; null, and the defect reported, when it is malformed.</summary>
    private static HeaderField? ReadField(ReadOnlySpan<byte> datagram, int start, int end, ref FieldCensus census)
    {
        var field = TrimCarriageReturn(datagram[start..end]);
        if (field.Length > SipLimits.MaxHeaderFieldBytes)
        {
            census.Report("header field too long");
            return null;
        }

        var colon = field.IndexOf((byte)':');
        var name = colon < 0 ? default : field[..colon].TrimEnd(" \t"u8);
        if (!SipCharacters.IsToken(name))
        {
            census.Report(colon < 0 ? "malformed header line" : "malformed header name");
            return null;
        }

        var valueStart = colon + 1 + field[(colon + 1)..].IndexOfAnyExcept(SipCharacters.Whitespace);
        if (valueStart == colon)
        {
            valueStart = field.Length;
        }

        var value = field[valueStart..].TrimEnd(" \t\r\n"u8);
        var known = KnownHeaders.Find(name);
        census.Observe(known >= 0 ? KnownHeaders.KindOf(known) : HeaderKind.Other, value);
        return HeaderField.Parsed(known, start, name.Length, start + valueStart, value.Length, value.IndexOfAny("\r\n"u8) >= 0);
    }

    /// <summary>Where <paramref name="part"/>, a slice of <paramref name="whole"/>, starts in it.</summary>
    private static int OffsetIn(ReadOnlySpan<byte> whole, ReadOnlySpan<byte> part) =>
        (int)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(whole), ref MemoryMarshal.GetReference(part));

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        !line.IsEmpty && line[^1] == '\r' ? line[..^1] : line;

    /// <summary>Where the header section ends (after its last line break), where the body starts, and how many fields it holds.</summary>
    private readonly record struct HeadLayout(int End, int BodyStart, int FieldCount);
}
