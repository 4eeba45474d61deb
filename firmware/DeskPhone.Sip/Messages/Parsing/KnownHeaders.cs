using System.Text;

namespace DeskPhone.Sip.Messages.Parsing;

/// <summary>
/// Header names the stack knows: their canonical spelling, compact forms (RFC 3261 §7.3.3, RFC 3265,
/// RFC 3515, RFC 3892, RFC 4028) and which grammar applies. Names compare case-insensitively (§7.3.1).
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

    private static readonly Entry?[] ByCompactForm = BuildCompactTable();

    private static readonly Entry[][] ByLength = BuildLengthTable();

    /// <summary>The canonical name and grammar of a header name as it came; unknown names are kept as written.</summary>
    public static string Lookup(ReadOnlySpan<byte> name, out HeaderKind kind)
    {
        if (Find(name) is { } entry)
        {
            kind = entry.Kind;
            return entry.Name;
        }

        kind = HeaderKind.Other;
        return Encoding.UTF8.GetString(name);
    }

    /// <summary>The canonical spelling of a known name (long or compact form), or null.</summary>
    public static string? Canonical(ReadOnlySpan<char> name)
    {
        if (name.Length == 1)
        {
            return CompactEntry(name[0])?.Name;
        }

        if (name.Length < ByLength.Length)
        {
            foreach (var entry in ByLength[name.Length])
            {
                if (name.Equals(entry.Name, StringComparison.OrdinalIgnoreCase))
                {
                    return entry.Name;
                }
            }
        }

        return null;
    }

    private static Entry? Find(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            return CompactEntry((char)name[0]);
        }

        if (name.Length < ByLength.Length)
        {
            var first = (byte)(name[0] | 0x20);
            foreach (var entry in ByLength[name.Length])
            {
                if (entry.LowerFirst == first && Ascii.EqualsIgnoreCase(name, entry.Utf8))
                {
                    return entry;
                }
            }
        }

        return null;
    }

    private static Entry? CompactEntry(char letter)
    {
        var index = char.ToLowerInvariant(letter) - 'a';
        return index is >= 0 and < 26 ? ByCompactForm[index] : null;
    }

    private static Entry?[] BuildCompactTable()
    {
        var table = new Entry?[26];
        foreach (var entry in Entries)
        {
            if (entry.Compact is { } letter)
            {
                table[letter - 'a'] = entry;
            }
        }

        return table;
    }

    private static Entry[][] BuildLengthTable()
    {
        var longest = Entries.Max(e => e.Name.Length);
        return Enumerable.Range(0, longest + 1).Select(length => Entries.Where(e => e.Name.Length == length).ToArray()).ToArray();
    }

    private sealed record Entry(string Name, char? Compact, HeaderKind Kind)
    {
        public byte[] Utf8 { get; } = Encoding.ASCII.GetBytes(Name);

        /// <summary>The first letter in lower case: a cheap first test before comparing the whole name.</summary>
        public byte LowerFirst { get; } = (byte)char.ToLowerInvariant(Name[0]);
    }
}
