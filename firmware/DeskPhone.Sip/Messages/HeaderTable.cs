using System.Collections;
using System.Text;

namespace DeskPhone.Sip.Messages;

/// <summary>
/// The header fields of one message, in order. A parsed message keeps its bytes and each value as
/// a range of them; the value becomes a string only when first read, so a message that is
/// matched and dropped never pays for strings it does not use. Owned by one thread at a time.
/// </summary>
internal sealed class HeaderTable : IReadOnlyList<SipHeader>
{
    private readonly byte[]? source;
    private Field[] fields;

    public HeaderTable(int capacity = 8) => fields = new Field[Math.Max(capacity, 1)];

    /// <summary>A table for a parsed message whose values lie in <paramref name="source"/>.</summary>
    public HeaderTable(byte[] source, int capacity)
        : this(capacity) => this.source = source;

    public int Count { get; private set; }

    public SipHeader this[int index] => new(NameAt(index), ValueAt(index));

    public string NameAt(int index) => fields[index].Name;

    /// <summary>The value as text; a folded value comes back unfolded (each fold one space, RFC 3261 §7.3.1).</summary>
    public string ValueAt(int index)
    {
        ref var field = ref fields[index];
        return field.Value ??= field.Folded ? Unfold(Raw(field)) : Encoding.UTF8.GetString(Raw(field));
    }

    /// <summary>
    /// The value's UTF-8 bytes when they are still those of the parsed message (folds included),
    /// so grammar readers can work without a string; false for values set in code.
    /// </summary>
    public bool TryGetRawValue(int index, out ReadOnlySpan<byte> value)
    {
        ref var field = ref fields[index];
        value = field.Start >= 0 ? Raw(field) : default;
        return field.Start >= 0;
    }

    public int IndexOf(string name, int start = 0)
    {
        for (var i = start; i < Count; i++)
        {
            var candidate = fields[i].Name;
            if (ReferenceEquals(candidate, name) || candidate.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Appends a field parsed from <c>source[start..start+length]</c>.</summary>
    public void AddParsed(string name, int start, int length, bool folded)
    {
        Grow();
        fields[Count++] = new Field { Name = name, Start = start, PackedLength = folded ? ~length : length };
    }

    public void Add(string name, string value) => Insert(Count, name, value);

    public void Insert(int index, string name, string value)
    {
        Grow();
        Array.Copy(fields, index, fields, index + 1, Count - index);
        fields[index] = new Field { Name = name, Value = value, Start = -1 };
        Count++;
    }

    public void RemoveAll(string name)
    {
        var kept = 0;
        for (var i = 0; i < Count; i++)
        {
            if (!fields[i].Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                fields[kept++] = fields[i];
            }
        }

        Array.Clear(fields, kept, Count - kept);
        Count = kept;
    }

    /// <summary>UTF-8 length of the value as <see cref="WriteValue"/> writes it.</summary>
    public int ValueByteCount(int index)
    {
        ref var field = ref fields[index];
        return field.Value is null && !field.Folded ? field.Length : Encoding.UTF8.GetByteCount(ValueAt(index));
    }

    /// <summary>Writes the value; untouched parsed values are copied byte for byte.</summary>
    public int WriteValue(int index, Span<byte> destination)
    {
        ref var field = ref fields[index];
        if (field.Value is null && !field.Folded)
        {
            Raw(field).CopyTo(destination);
            return field.Length;
        }

        return Encoding.UTF8.GetBytes(ValueAt(index), destination);
    }

    public IEnumerator<SipHeader> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Each run of whitespace holding a line break becomes one space.</summary>
    private static string Unfold(ReadOnlySpan<byte> value)
    {
        var text = new StringBuilder(value.Length);
        var decoded = Encoding.UTF8.GetString(value);
        for (var i = 0; i < decoded.Length; i++)
        {
            var c = decoded[i];
            if (c is not ('\r' or '\n'))
            {
                text.Append(c);
                continue;
            }

            while (text.Length > 0 && text[^1] is ' ' or '\t')
            {
                text.Length--;
            }

            while (i + 1 < decoded.Length && decoded[i + 1] is ' ' or '\t' or '\r' or '\n')
            {
                i++;
            }

            text.Append(' ');
        }

        return text.ToString();
    }

    /// <summary>Decodes bytes of the parsed message that are not a header value (the Request-URI).</summary>
    public string Decode(int start, int length) => Encoding.UTF8.GetString(source.AsSpan(start, length));

    private ReadOnlySpan<byte> Raw(in Field field) => source.AsSpan(field.Start, field.Length);

    private void Grow()
    {
        if (Count == fields.Length)
        {
            Array.Resize(ref fields, fields.Length * 2);
        }
    }

    /// <summary>24 bytes: a message holds a dozen or more of these, allocated with every datagram.</summary>
    private struct Field
    {
        public string Name;
        public string? Value;
        public int Start;

        /// <summary>The value's length; negative (ones' complement) when it spans folded lines.</summary>
        public int PackedLength;

        public readonly int Length => PackedLength < 0 ? ~PackedLength : PackedLength;

        public readonly bool Folded => PackedLength < 0;
    }
}
