namespace DeskPhone.Sip.Messages;

/// <summary>
/// name-addr or addr-spec with header parameters (RFC 3261 §20.10, §25.1): From, To, Contact,
/// Route, Record-Route. The URI is kept as text so unknown schemes survive untouched.
/// </summary>
public sealed record NameAddress(string? DisplayName, string Uri, IReadOnlyDictionary<string, string?> Parameters)
{
    public static readonly NameAddress Empty = new(null, string.Empty, new Dictionary<string, string?>());

    public string? Tag => Parameters.TryGetValue("tag", out var tag) ? tag : null;

    public SipUri? SipUri => Messages.SipUri.TryParse(Uri, out var uri) ? uri : null;

    public static bool TryParse(string? text, out NameAddress address)
    {
        address = Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        string? display = null;
        string uri;
        string parameterText;
        var open = FindUnquoted(text, '<');
        if (open >= 0)
        {
            var close = text.IndexOf('>', open);
            if (close < 0)
            {
                return false;
            }

            display = Unquote(text[..open].Trim());
            uri = text[(open + 1)..close].Trim();
            parameterText = text[(close + 1)..];
        }
        else
        {
            // addr-spec: parameters after the URI belong to the header, not the URI (§20.10).
            var semicolon = text.IndexOf(';');
            uri = semicolon < 0 ? text : text[..semicolon];
            parameterText = semicolon < 0 ? string.Empty : text[semicolon..];
        }

        if (uri.Length == 0 || uri.Contains(' '))
        {
            return false;
        }

        var parameters = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in parameterText.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = parameter.IndexOf('=');
            parameters[eq < 0 ? parameter : parameter[..eq].Trim()] = eq < 0 ? null : parameter[(eq + 1)..].Trim();
        }

        address = new NameAddress(string.IsNullOrEmpty(display) ? null : display, uri, parameters);
        return true;
    }

    public NameAddress WithTag(string tag)
    {
        var parameters = new Dictionary<string, string?>(Parameters, StringComparer.OrdinalIgnoreCase) { ["tag"] = tag };
        return this with { Parameters = parameters };
    }

    public override string ToString()
    {
        var text = (DisplayName is null ? string.Empty : "\"" + DisplayName.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\" ") + "<" + Uri + ">";
        foreach (var (name, value) in Parameters)
        {
            text += ";" + name + (value is null ? string.Empty : "=" + value);
        }

        return text;
    }

    private static int FindUnquoted(string text, char wanted)
    {
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (inQuotes && text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && text[i] == wanted)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Unquote(string text)
    {
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            var inner = text[1..^1];
            var result = new System.Text.StringBuilder(inner.Length);
            for (var i = 0; i < inner.Length; i++)
            {
                if (inner[i] == '\\' && i + 1 < inner.Length)
                {
                    i++;
                }

                result.Append(inner[i]);
            }

            return result.ToString();
        }

        return text;
    }
}
