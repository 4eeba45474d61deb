using System.Text;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Transport;

/// <summary>
/// Cuts a byte stream (TCP) into SIP messages and keep-alives. RFC 3261 §18.3: on a stream the
/// Content-Length header field is the only framing, so a message without one cannot be delimited
/// and the stream is unusable from there on (§20.14: it MUST be present on stream transports).
/// Between messages a double CRLF is a ping and a single CRLF a pong (RFC 5626 §4.4.1). Sizes are
/// bounded by <see cref="SipLimits"/>: a head or body beyond them is a defect, never a reason to
/// buffer more. Pure and allocation-free; never throws on input.
/// </summary>
public static class SipStreamFramer
{
    /// <summary>Reads the frame at the start of <paramref name="unread"/>.</summary>
    public static StreamFrame Read(ReadOnlySpan<byte> unread)
    {
        if (unread.IsEmpty)
        {
            return StreamFrame.NeedMore;
        }

        if (unread[0] is (byte)'\r' or (byte)'\n')
        {
            return ReadKeepAlive(unread);
        }

        var headEnd = unread.IndexOf("\r\n\r\n"u8);
        if (headEnd < 0)
        {
            return unread.Length >= SipLimits.MaxMessageBytes ? StreamFrame.Invalid("header section too large") : StreamFrame.NeedMore;
        }

        var bodyStart = headEnd + 4;
        if (!TryReadContentLength(unread[..(headEnd + 2)], out var contentLength, out var defect))
        {
            return StreamFrame.Invalid(defect);
        }

        if (contentLength > SipLimits.MaxContentLength || bodyStart + contentLength > SipLimits.MaxMessageBytes)
        {
            return StreamFrame.Invalid("message too large");
        }

        var total = bodyStart + (int)contentLength;
        return unread.Length < total ? StreamFrame.NeedMore : new StreamFrame(StreamFrameKind.Message, total);
    }

    /// <summary>
    /// CRLFCRLF is a ping, CRLF alone a pong. A CRLF followed by one CR may be the first half of a
    /// ping, so it waits for the next byte; a lone CRLF with nothing after it is taken as a pong (a
    /// ping split after its first CRLF would read as two pongs, which costs only one unanswered ping).
    /// </summary>
    private static StreamFrame ReadKeepAlive(ReadOnlySpan<byte> unread)
    {
        if (unread[0] != '\r')
        {
            return StreamFrame.Invalid("bare LF between messages");
        }

        if (unread.Length < 2)
        {
            return StreamFrame.NeedMore;
        }

        if (unread[1] != '\n')
        {
            return StreamFrame.Invalid("bare CR between messages");
        }

        if (unread.Length >= 4 && unread[2] == '\r' && unread[3] == '\n')
        {
            return new StreamFrame(StreamFrameKind.Ping, 4);
        }

        return unread.Length == 3 && unread[2] == '\r' ? StreamFrame.NeedMore : new StreamFrame(StreamFrameKind.Pong, 2);
    }

    /// <summary>
    /// Finds Content-Length (or its compact form "l", RFC 3261 §7.3.3) among the header lines of
    /// <paramref name="head"/> (start line first, each line ending in CRLF). Several fields must agree.
    /// </summary>
    private static bool TryReadContentLength(ReadOnlySpan<byte> head, out long contentLength, out string defect)
    {
        contentLength = -1;
        defect = string.Empty;
        var lineEnd = head.IndexOf("\r\n"u8);
        var rest = head[(lineEnd + 2)..];
        while (!rest.IsEmpty)
        {
            lineEnd = rest.IndexOf("\r\n"u8);
            var line = rest[..lineEnd];
            rest = rest[(lineEnd + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0 || line[0] is (byte)' ' or (byte)'\t')
            {
                continue;
            }

            var name = line[..colon].TrimEnd(" \t"u8);
            if (!Ascii.EqualsIgnoreCase(name, "Content-Length"u8) && !Ascii.EqualsIgnoreCase(name, "l"u8))
            {
                continue;
            }

            if (!TryReadDigits(line[(colon + 1)..].Trim(" \t"u8), out var value))
            {
                defect = "malformed Content-Length";
                return false;
            }

            if (contentLength >= 0 && contentLength != value)
            {
                defect = "conflicting Content-Length values";
                return false;
            }

            contentLength = value;
        }

        if (contentLength < 0)
        {
            defect = "missing Content-Length on a stream";
            return false;
        }

        return true;
    }

    /// <summary>1*DIGIT, at most 10 digits so the value always fits (bounded later by the size limits).</summary>
    private static bool TryReadDigits(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 10)
        {
            return false;
        }

        foreach (var digit in text)
        {
            if (digit is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (digit - '0');
        }

        return true;
    }
}
