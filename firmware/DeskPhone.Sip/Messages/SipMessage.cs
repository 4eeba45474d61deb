using System.Text;

namespace DeskPhone.Sip.Messages;

/// <summary>
/// A SIP request or response (RFC 3261 §7): header lines in arrival order, kept as text, and an
/// opaque body. The signalling layer never interprets bodies; SDP goes up as bytes.
/// </summary>
public abstract class SipMessage
{
    private readonly List<SipHeader> headers = [];

    public IReadOnlyList<SipHeader> Headers => headers;

    public ReadOnlyMemory<byte> Body { get; set; } = ReadOnlyMemory<byte>.Empty;

    public string? this[string name] => Get(name);

    /// <summary>The first value of a header, or null. Comma-joined values are not split here.</summary>
    public string? Get(string name)
    {
        foreach (var header in headers)
        {
            if (header.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }

    /// <summary>Every value of a header, split at top-level commas (RFC 3261 §7.3.1).</summary>
    public IEnumerable<string> GetAll(string name)
    {
        foreach (var header in headers)
        {
            if (header.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                foreach (var value in HeaderValueList.Split(header.Value))
                {
                    yield return value;
                }
            }
        }
    }

    public void Add(string name, string value) => headers.Add(new SipHeader(name, value));

    /// <summary>Replaces every line of a header with one value.</summary>
    public void Set(string name, string value)
    {
        var index = headers.FindIndex(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        Remove(name);
        headers.Insert(index < 0 ? headers.Count : Math.Min(index, headers.Count), new SipHeader(name, value));
    }

    public void Remove(string name) =>
        headers.RemoveAll(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Inserts a header before all others of the message (new top Via, RFC 3261 §8.1.1.7).</summary>
    public void Prepend(string name, string value) => headers.Insert(0, new SipHeader(name, value));

    public string CallId => Get(HeaderNames.CallId) ?? string.Empty;

    public CSeq CSeq => CSeq.TryParse(Get(HeaderNames.CSeq), out var cseq) ? cseq : default;

    public NameAddress From => NameAddress.TryParse(Get(HeaderNames.From), out var from) ? from : NameAddress.Empty;

    public NameAddress To => NameAddress.TryParse(Get(HeaderNames.To), out var to) ? to : NameAddress.Empty;

    public Via TopVia => Via.TryParse(GetAll(HeaderNames.Via).FirstOrDefault(), out var via) ? via : Via.Empty;

    protected abstract void WriteStartLine(StringBuilder text);

    /// <summary>Serialises with a Content-Length that always matches the body.</summary>
    public byte[] ToBytes()
    {
        var text = new StringBuilder(512);
        WriteStartLine(text);
        foreach (var header in headers)
        {
            if (!header.Name.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                text.Append(header.Name).Append(": ").Append(header.Value).Append("\r\n");
            }
        }

        text.Append(HeaderNames.ContentLength).Append(": ").Append(Body.Length).Append("\r\n\r\n");
        var head = Encoding.UTF8.GetBytes(text.ToString());
        var bytes = new byte[head.Length + Body.Length];
        head.CopyTo(bytes, 0);
        Body.Span.CopyTo(bytes.AsSpan(head.Length));
        return bytes;
    }

    public override string ToString() => Encoding.UTF8.GetString(ToBytes());
}
