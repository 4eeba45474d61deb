using System.Collections;
using System.Text;
using DeskPhone.Sip.Messages.Parsing;

namespace DeskPhone.Sip.Messages;

/// <summary>
/// The header fields of one message, in order. A parsed message keeps its bytes, and each field
/// is 8 bytes saying where it lies in them (<see cref="HeaderField"/>); a value becomes a string
/// only when first read, so a message that is matched and dropped never pays for strings it does
/// not use. The strings live in arrays beside the fields, each made on first need: values (read,
/// or set in code) and names that are not a known header's. Owned by one thread at a time.
/// </summary>
internal sealed class HeaderTable : IReadOnlyList<SipHeader>
{
    private static readonly int ContentLength = KnownHeaders.IndexOf(HeaderNames.ContentLength);

    private readonly byte[]? source;
    private HeaderField[] fields;
    private string?[]? values;
    private string?[]? names;

    public HeaderTable(int capacity = 8) => fields = new HeaderField[Math.Max(capacity, 1)];

    /// <summary>The table of a parsed message: each of <paramref name="parsed"/> lies in <paramref name="source"/>.</summary>
    public HeaderTable(byte[] source, HeaderField[] parsed)
    {
        this.source = source;
        fields = parsed;
        Count = parsed.Length;
    }

    public int Count { get; private set; }

    public SipHeader this[int index] => new(NameAt(index), ValueAt(index));

    /// <summary>The canonical (long-form) name of a known header; any other name as it came or was set.</summary>
    public string NameAt(int index)
    {
        var field = fields[index];
        return field.Known >= 0 ? KnownHeaders.NameOf(field.Known) : (Names()[index] ??= Encoding.UTF8.GetString(RawName(field)));
    }

    /// <summary>The value as text; a folded value comes back unfolded (each fold one space, RFC 3261 §7.3.1).</summary>
    public string ValueAt(int index)
    {
        var field = fields[index];
        return Values()[index] ??= field.Folded ? Unfold(RawValue(field)) : Encoding.UTF8.GetString(RawValue(field));
    }

    /// <summary>
    /// The value's UTF-8 bytes when they are still those of the parsed message (folds included),
    /// so grammar readers can work without a string; false for values set in code.
    /// </summary>
    public bool TryGetRawValue(int index, out ReadOnlySpan<byte> value)
    {
        var field = fields[index];
        value = field.IsParsed ? RawValue(field) : default;
        return field.IsParsed;
    }

    /// <summary>The first field from <paramref name="start"/> on with the name <paramref name="name"/> (any case), or -1.</summary>
    public int IndexOf(string name, int start = 0)
    {
        var known = KnownHeaders.IndexOf(name);
        for (var i = start; i < Count; i++)
        {
            if (HasName(i, name, known))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether field <paramref name="index"/> is a Content-Length, which serialising writes afresh.</summary>
    public bool IsContentLength(int index) => HasName(index, HeaderNames.ContentLength, ContentLength);

    public void Add(string name, string value) => Insert(Count, name, value);

    public void Insert(int index, string name, string value)
    {
        // A known name spelled as its canonical form is kept as the index alone; any other
        // spelling is kept as given, so it is written back as it was set.
        var known = KnownHeaders.IndexOf(name);
        if (known >= 0 && !KnownHeaders.NameOf(known).Equals(name, StringComparison.Ordinal))
        {
            known = -1;
        }

        Grow();
        OpenSlot(fields, index);
        fields[index] = HeaderField.InCode(known);
        var strings = Values();
        OpenSlot(strings, index);
        strings[index] = value;
        if (known < 0 || names is not null)
        {
            strings = Names();
            OpenSlot(strings, index);
            strings[index] = known < 0 ? name : null;
        }

        Count++;
    }

    public void RemoveAll(string name)
    {
        var known = KnownHeaders.IndexOf(name);
        var kept = 0;
        for (var i = 0; i < Count; i++)
        {
            if (HasName(i, name, known))
            {
                continue;
            }

            fields[kept] = fields[i];
            if (values is not null)
            {
                values[kept] = values[i];
            }

            if (names is not null)
            {
                names[kept] = names[i];
            }

            kept++;
        }

        if (values is not null)
        {
            Array.Clear(values, kept, Count - kept);
        }

        if (names is not null)
        {
            Array.Clear(names, kept, Count - kept);
        }

        Count = kept;
    }

    /// <summary>UTF-8 length of the name as <see cref="WriteName"/> writes it.</summary>
    public int NameByteCount(int index)
    {
        var field = fields[index];
        return field.Known >= 0 ? KnownHeaders.Utf8NameOf(field.Known).Length
            : field.IsParsed ? field.NameLength
            : Encoding.UTF8.GetByteCount(names![index]!);
    }

    /// <summary>Writes the name; a parsed name that is not a known header's is copied byte for byte.</summary>
    public int WriteName(int index, Span<byte> destination)
    {
        var field = fields[index];
        if (field.Known < 0 && !field.IsParsed)
        {
            return Encoding.UTF8.GetBytes(names![index]!, destination);
        }

        var name = field.Known >= 0 ? KnownHeaders.Utf8NameOf(field.Known) : RawName(field);
        name.CopyTo(destination);
        return name.Length;
    }

    /// <summary>UTF-8 length of the value as <see cref="WriteValue"/> writes it.</summary>
    public int ValueByteCount(int index)
    {
        var field = fields[index];
        return field.IsParsed && !field.Folded ? field.ValueLength : Encoding.UTF8.GetByteCount(ValueAt(index));
    }

    /// <summary>Writes the value; parsed values without folds are copied byte for byte.</summary>
    public int WriteValue(int index, Span<byte> destination)
    {
        var field = fields[index];
        if (field.IsParsed && !field.Folded)
        {
            RawValue(field).CopyTo(destination);
            return field.ValueLength;
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

    /// <summary>Decodes bytes of the parsed message that are not a header value (the Request-URI).</summary>
    public string Decode(int start, int length) => Encoding.UTF8.GetString(source.AsSpan(start, length));

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

    /// <summary>
    /// Whether field <paramref name="index"/> is named <paramref name="name"/>, whose known index
    /// is <paramref name="known"/> (-1 for another name). A name that came in a message is known
    /// whenever it can be, so a known field matches by index and the others by text.
    /// </summary>
    private bool HasName(int index, string name, int known)
    {
        var field = fields[index];
        if (field.Known >= 0)
        {
            return field.Known == known;
        }

        return names?[index] is { } text
            ? text.Equals(name, StringComparison.OrdinalIgnoreCase)
            : field.IsParsed && Ascii.EqualsIgnoreCase(RawName(field), name);
    }

    private string?[] Values() => values ??= new string?[fields.Length];

    private string?[] Names() => names ??= new string?[fields.Length];

    /// <summary>Moves the entries from <paramref name="index"/> on one place up (nothing to move when appending).</summary>
    private void OpenSlot<T>(T[] entries, int index)
    {
        if (index < Count)
        {
            Array.Copy(entries, index, entries, index + 1, Count - index);
        }
    }

    private ReadOnlySpan<byte> RawValue(HeaderField field) => source.AsSpan(field.ValueStart, field.ValueLength);

    private ReadOnlySpan<byte> RawName(HeaderField field) => source.AsSpan(field.NameStart, field.NameLength);

    private void Grow()
    {
        if (Count < fields.Length)
        {
            return;
        }

        var capacity = Math.Max(fields.Length * 2, 4);
        Array.Resize(ref fields, capacity);
        if (values is not null)
        {
            Array.Resize(ref values, capacity);
        }

        if (names is not null)
        {
            Array.Resize(ref names, capacity);
        }
    }
}
