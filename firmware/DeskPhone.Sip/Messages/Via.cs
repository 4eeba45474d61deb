namespace DeskPhone.Sip.Messages;

/// <summary>One Via value (RFC 3261 §20.42, §18.2.2; rport from RFC 3581).</summary>
public sealed record Via(string Transport, string Host, int? Port, IReadOnlyDictionary<string, string?> Parameters)
{
    /// <summary>RFC 3261 §8.1.1.7: branch IDs of compliant elements start with this cookie.</summary>
    public const string MagicCookie = "z9hG4bK";

    public static readonly Via Empty = new(string.Empty, string.Empty, null, new Dictionary<string, string?>());

    public string? Branch => Parameters.TryGetValue("branch", out var branch) ? branch : null;

    public static bool TryParse(string? text, out Via via)
    {
        via = Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var slash2 = text.IndexOf('/', text.IndexOf('/') + 1);
        if (slash2 < 0)
        {
            return false;
        }

        var protocol = text[..slash2].Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!protocol.Equals("SIP/2.0", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = text[(slash2 + 1)..].TrimStart();
        var space = rest.IndexOfAny([' ', '\t']);
        if (space <= 0)
        {
            return false;
        }

        var transport = rest[..space].ToUpperInvariant();
        rest = rest[space..].Trim();
        var semicolon = rest.IndexOf(';');
        var sentBy = (semicolon < 0 ? rest : rest[..semicolon]).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!SipUri.TrySplitHostPort(sentBy, out var host, out var port))
        {
            return false;
        }

        var parameters = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (semicolon >= 0)
        {
            foreach (var parameter in rest[(semicolon + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = parameter.IndexOf('=');
                parameters[eq < 0 ? parameter : parameter[..eq].Trim()] = eq < 0 ? null : parameter[(eq + 1)..].Trim();
            }
        }

        via = new Via(transport, host, port, parameters);
        return true;
    }
}
