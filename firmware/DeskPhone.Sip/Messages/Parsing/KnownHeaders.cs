using System.Text;

namespace DeskPhone.Sip.Messages.Parsing;

/// <summary>
/// Header names the stack knows: their canonical spelling, compact forms (RFC 3261 §7.3.3, RFC 3265,
/// RFC 3515, RFC 3892, RFC 4028) and which grammar applies. Names compare case-insensitively (§7.3.1).
/// A header table names a known header by its index here, which fits a few bits where a string
/// reference takes eight bytes.
/// </summary>
internal static class KnownHeaders
{
    private static readonly Entry[] Entries =
    [
        new(HeaderNames.Via, 'v', HeaderKind.Via),
        new(HeaderNames.From, 'f', HeaderKind.From),
        new(HeaderNames.To, 't', HeaderKind.To),
        new(HeaderNames.CallId, 'i', HeaderKind.CallId),
        new(HeaderNames.CSeq, null, HeaderKind.CSeq),
        new(HeaderNames.Contact, 'm', HeaderKind.Contact),
        new(HeaderNames.MaxForwards, null, HeaderKind.MaxForwards),
        new(HeaderNames.ContentType, 'c', HeaderKind.ContentType),
        new(HeaderNames.ContentLength, 'l', HeaderKind.ContentLength),
        new(HeaderNames.Route, null, HeaderKind.Route),
        new(HeaderNames.RecordRoute, null, HeaderKind.RecordRoute),
        new(HeaderNames.Date, null, HeaderKind.Date),
        new(HeaderNames.Expires, null, HeaderKind.Expires),
        new(HeaderNames.Require, null, HeaderKind.Require),
        new(HeaderNames.ProxyRequire, null, HeaderKind.ProxyRequire),
        new(HeaderNames.Supported, 'k', HeaderKind.Supported),
        new(HeaderNames.Unsupported, null, HeaderKind.Unsupported),
        new(HeaderNames.Allow, null, HeaderKind.Allow),
        new(HeaderNames.UserAgent, null, HeaderKind.Other),
        new(HeaderNames.Accept, null, HeaderKind.Other),
        new(HeaderNames.WwwAuthenticate, null, HeaderKind.Other),
        new(HeaderNames.ProxyAuthenticate, null, HeaderKind.Other),
        new(HeaderNames.Authorization, null, HeaderKind.Other),
        new(HeaderNames.ProxyAuthorization, null, HeaderKind.Other),
        new(HeaderNames.Subject, 's', HeaderKind.Other),
        new(HeaderNames.ContentEncoding, 'e', HeaderKind.Other),
        new(HeaderNames.ContentDisposition, null, HeaderKind.Other),
        new(HeaderNames.AcceptEncoding, null, HeaderKind.Other),
        new(HeaderNames.Warning, null, HeaderKind.Other),
        new(HeaderNames.Server, null, HeaderKind.Other),
        new(HeaderNames.RetryAfter, null, HeaderKind.Other),
        new(HeaderNames.MinExpires, null, HeaderKind.Other),
        new(HeaderNames.Event, 'o', HeaderKind.Other),
        new(HeaderNames.AllowEvents, 'u', HeaderKind.Other),
        new(HeaderNames.ReferTo, 'r', HeaderKind.Other),
        new(HeaderNames.ReferredBy, 'b', HeaderKind.Other),
        new(HeaderNames.SessionExpires, 'x', HeaderKind.Other),
        new(HeaderNames.MinSessionExpires, null, HeaderKind.Other),
    ];

    /// <summary>The index of each compact form's header, by letter; -1 where none.</summary>
    private static readonly int[] ByCompactForm = BuildCompactTable();

    /// <summary>The indexes of the long names of each length.</summary>
    private static readonly int[][] ByLength = BuildLengthTable();

    /// <summary>
    /// The index of a header name as it came in a message (long or compact form, any case), or -1
    /// for a name the stack does not know.
    /// </summary>
    public static int Find(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            return CompactIndex((char)name[0]);
        }

        if (name.Length < ByLength.Length)
        {
            var first = (byte)(name[0] | 0x20);
            foreach (var index in ByLength[name.Length])
            {
                var entry = Entries[index];
                if (entry.LowerFirst == first && Ascii.EqualsIgnoreCase(name, entry.Utf8))
                {
                    return index;
                }
            }
        }

        return -1;
    }

    /// <summary>
    /// The index of a long-form name asked for in code, compared ignoring case (§7.3.1), or -1.
    /// Compact forms are not looked up: code names headers by their long names.
    /// </summary>
    public static int IndexOf(string name)
    {
        if (name.Length >= ByLength.Length)
        {
            return -1;
        }

        var bucket = ByLength[name.Length];
        foreach (var index in bucket)
        {
            // The names code asks for are nearly always the HeaderNames constants themselves.
            if (ReferenceEquals(Entries[index].Name, name))
            {
                return index;
            }
        }

        foreach (var index in bucket)
        {
            if (name.Equals(Entries[index].Name, StringComparison.OrdinalIgnoreCase))
            {
                return index;
            }
        }

        return -1;
    }

    public static string NameOf(int index) => Entries[index].Name;

    public static ReadOnlySpan<byte> Utf8NameOf(int index) => Entries[index].Utf8;

    public static HeaderKind KindOf(int index) => Entries[index].Kind;

    /// <summary>The canonical spelling of a known name (long or compact form), or null.</summary>
    public static string? Canonical(ReadOnlySpan<char> name)
    {
        if (name.Length == 1)
        {
            return CompactIndex(name[0]) is var compact and >= 0 ? Entries[compact].Name : null;
        }

        if (name.Length < ByLength.Length)
        {
            foreach (var index in ByLength[name.Length])
            {
                if (name.Equals(Entries[index].Name, StringComparison.OrdinalIgnoreCase))
                {
                    return Entries[index].Name;
                }
            }
        }

        return null;
    }

    private static int CompactIndex(char letter)
    {
        var index = char.ToLowerInvariant(letter) - 'a';
        return index is >= 0 and < 26 ? ByCompactForm[index] : -1;
    }

    private static int[] BuildCompactTable()
    {
        var table = new int[26];
        Array.Fill(table, -1);
        for (var i = 0; i < Entries.Length; i++)
        {
            if (Entries[i].Compact is { } letter)
            {
                table[letter - 'a'] = i;
            }
        }

        return table;
    }

    private static int[][] BuildLengthTable()
    {
        var longest = Entries.Max(e => e.Name.Length);
        return Enumerable.Range(0, longest + 1)
            .Select(length => Enumerable.Range(0, Entries.Length).Where(i => Entries[i].Name.Length == length).ToArray())
            .ToArray();
    }

    private sealed record Entry(string Name, char? Compact, HeaderKind Kind)
    {
        public byte[] Utf8 { get; } = Encoding.ASCII.GetBytes(Name);

        /// <summary>The first letter in lower case: a cheap first test before comparing the whole name.</summary>
        public byte LowerFirst { get; } = (byte)char.ToLowerInvariant(Name[0]);
    }
}
