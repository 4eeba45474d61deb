using System.Globalization;
using System.Text;
using DeskPhone.Sip.Messages.Syntax;

namespace DeskPhone.Sip.Messages;

/// <summary>
/// A SIP request or response (RFC 3261 §7): header fields in arrival order and an opaque body.
/// The signalling layer never interprets bodies; SDP goes up as bytes. Parsed values stay bytes of
/// the datagram until read. An instance belongs to one thread at a time (the signalling loop).
/// </summary>
public abstract class SipMessage
{
    private readonly HeaderTable headers;

    private protected SipMessage()
        : this(new HeaderTable())
    {
    }

    private protected SipMessage(HeaderTable headers) => this.headers = headers;

    public IReadOnlyList<SipHeader> Headers => headers;

    public ReadOnlyMemory<byte> Body { get; set; } = ReadOnlyMemory<byte>.Empty;

    public string? this[string name] => Get(name);

    public string CallId => Get(HeaderNames.CallId) ?? string.Empty;

    public CSeq CSeq => TryReadFirst<CSeq>(HeaderNames.CSeq, CSeq.TryParse, out var cseq) ? cseq : default;

    public NameAddress From => TryReadFirst<NameAddress>(HeaderNames.From, NameAddress.TryParse, out var from) ? from : NameAddress.Empty;

    public NameAddress To => TryReadFirst<NameAddress>(HeaderNames.To, NameAddress.TryParse, out var to) ? to : NameAddress.Empty;

    /// <summary>The first value of the first Via (RFC 3261 §8.2.6.2, §18.2.2).</summary>
    public Via TopVia => TryReadFirst<Via>(HeaderNames.Via, Via.TryParseFirst, out var via) ? via : Via.Empty;

    internal HeaderTable HeaderTable => headers;

    /// <summary>The first value of a header, or null. Comma-joined values are not split here.</summary>
    public string? Get(string name)
    {
        var index = headers.IndexOf(name);
        return index < 0 ? null : headers.ValueAt(index);
    }

    /// <summary>Every value of a header, split at top-level commas (RFC 3261 §7.3.1).</summary>
    public IEnumerable<string> GetAll(string name) => GetFields(name).SelectMany(HeaderValueList.Split);

    /// <summary>The values of a header's fields as they came, one per field, commas not split.</summary>
    internal IEnumerable<string> GetFields(string name)
    {
        for (var index = headers.IndexOf(name); index >= 0; index = headers.IndexOf(name, index + 1))
        {
            yield return headers.ValueAt(index);
        }
    }

    public void Add(string name, string value) => headers.Add(name, value);

    /// <summary>Replaces every field of a header with one value, where the first one stood.</summary>
    public void Set(string name, string value)
    {
        var index = headers.IndexOf(name);
        headers.RemoveAll(name);
        headers.Insert(index < 0 ? headers.Count : index, name, value);
    }

    public void Remove(string name) => headers.RemoveAll(name);

    /// <summary>Inserts a header before all others of the message (new top Via, RFC 3261 §8.1.1.7).</summary>
    public void Prepend(string name, string value) => headers.Insert(0, name, value);

    /// <summary>Serialises with a Content-Length that always matches the body, in one allocation.</summary>
    public byte[] ToBytes()
    {
        var body = Body.Span;
        Span<byte> lengthDigits = stackalloc byte[10];
        body.Length.TryFormat(lengthDigits, out var digitCount, default, CultureInfo.InvariantCulture);
        var size = StartLineByteCount() + ContentLengthPrefix.Length + digitCount + 4 + body.Length;
        for (var i = 0; i < headers.Count; i++)
        {
            if (!headers.IsContentLength(i))
            {
                size += headers.NameByteCount(i) + 4 + headers.ValueByteCount(i);
            }
        }

        var bytes = new byte[size];
        var output = bytes.AsSpan();
        var at = WriteStartLine(output);
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers.IsContentLength(i))
            {
                continue;
            }

            at += headers.WriteName(i, output[at..]);
            at += Write(": "u8, output[at..]);
            at += headers.WriteValue(i, output[at..]);
            at += Write("\r\n"u8, output[at..]);
        }

        at += Write(ContentLengthPrefix, output[at..]);
        at += Write(lengthDigits[..digitCount], output[at..]);
        at += Write("\r\n\r\n"u8, output[at..]);
        body.CopyTo(output[at..]);
        return bytes;
    }

    public override string ToString() => Encoding.UTF8.GetString(ToBytes());

    private protected abstract int StartLineByteCount();

    private protected abstract int WriteStartLine(Span<byte> destination);

    private protected static int Write(ReadOnlySpan<byte> text, Span<byte> destination)
    {
        text.CopyTo(destination);
        return text.Length;
    }

    private static ReadOnlySpan<byte> ContentLengthPrefix => "Content-Length: "u8;


    /// <summary>Reads the first field of a header with a grammar reader, from the datagram's bytes when it has them.</summary>
    private bool TryReadFirst<T>(string name, Utf8Text.Reader<T> reader, out T result)
    {
        var index = headers.IndexOf(name);
        if (index < 0)
        {
            result = default!;
            return false;
        }

        return headers.TryGetRawValue(index, out var raw)
            ? reader(raw, out result)
            : Utf8Text.TryRead(headers.ValueAt(index), reader, out result);
    }
}
