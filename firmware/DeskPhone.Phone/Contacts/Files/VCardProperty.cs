namespace DeskPhone.Phone.Contacts.Files;

/// <summary>
/// One content line of a vCard, unfolded: <c>[group "."] name *(";" param) ":" value</c>
/// (RFC 2425 §5.8.2). Parameter values may be quoted (§5.8.2 param-value); a parameter with no
/// "=" is a bare type as vCard 2.1 writes it ("TEL;CELL:…"), taken as TYPE.
/// </summary>
internal sealed record VCardProperty(string Name, IReadOnlyList<(string Name, string Value)> Parameters, string Value)
{
    /// <summary>Every TYPE value, upper case ("TYPE=work,voice;TYPE=pref" gives WORK, VOICE, PREF).</summary>
    public IEnumerable<string> Types =>
        Parameters.Where(p => p.Name == "TYPE").Select(p => p.Value.ToUpperInvariant());

    /// <summary>The property of a logical line, or null with why the line is not one.</summary>
    public static VCardProperty? Parse(string line, out string? error)
    {
        var text = line.AsSpan();
        var colon = IndexOutsideQuotes(text, ':');
        if (colon < 0)
        {
            error = "not a property (no ':')";
            return null;
        }

        var head = text[..colon];
        var nameEnd = IndexOutsideQuotes(head, ';');
        var name = nameEnd < 0 ? head : head[..nameEnd];
        var dot = name.IndexOf('.');
        name = dot >= 0 ? name[(dot + 1)..] : name;
        if (name.IsEmpty || !IsName(name))
        {
            error = $"'{name}' is not a property name";
            return null;
        }

        var parameters = new List<(string, string)>();
        var rest = nameEnd < 0 ? ReadOnlySpan<char>.Empty : head[(nameEnd + 1)..];
        while (!rest.IsEmpty)
        {
            var end = IndexOutsideQuotes(rest, ';');
            var parameter = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlySpan<char>.Empty : rest[(end + 1)..];
            AddParameter(parameter, parameters);
        }

        error = null;
        return new VCardProperty(name.ToString().ToUpperInvariant(), parameters, text[(colon + 1)..].ToString());
    }

    private static void AddParameter(ReadOnlySpan<char> parameter, List<(string, string)> into)
    {
        var equals = parameter.IndexOf('=');
        var name = equals < 0 ? "TYPE" : parameter[..equals].Trim().ToString().ToUpperInvariant();
        var values = equals < 0 ? parameter : parameter[(equals + 1)..];

        // Exporters also quote a whole list (TYPE="cell,voice"); a comma separates values either way.
        foreach (var range in values.Split(','))
        {
            var value = values[range].Trim().Trim('"').Trim();
            if (!value.IsEmpty)
            {
                into.Add((name, value.ToString()));
            }
        }
    }

    private static int IndexOutsideQuotes(ReadOnlySpan<char> text, char wanted)
    {
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (text[i] == wanted && !quoted)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>RFC 2425 §5.8.2: name = x-name / iana-token, letters, digits and "-".</summary>
    private static bool IsName(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
