using System.Globalization;

namespace DeskPhone.Sip.Messages;

/// <summary>
/// A sip: or sips: URI (RFC 3261 §19.1): user, host (IPv6 references kept in brackets), port and
/// parameters. Only what a user agent acts on is broken out; the original text is kept.
/// </summary>
public sealed record SipUri(string Scheme, string? User, string Host, int? Port, IReadOnlyDictionary<string, string?> Parameters)
{
    public static bool TryParse(string? text, out SipUri uri)
    {
        uri = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        var colon = text.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        var scheme = text[..colon].ToLowerInvariant();
        if (scheme is not ("sip" or "sips"))
        {
            return false;
        }

        var rest = text[(colon + 1)..];
        var headersAt = rest.IndexOf('?');
        if (headersAt >= 0)
        {
            rest = rest[..headersAt];
        }

        string? user = null;
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            user = rest[..at];
            var passwordAt = user.IndexOf(':');
            if (passwordAt >= 0)
            {
                user = user[..passwordAt];
            }

            user = Uri.UnescapeDataString(user);
            rest = rest[(at + 1)..];
        }

        var parameters = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var paramsAt = rest.IndexOf(';');
        var hostPort = paramsAt >= 0 ? rest[..paramsAt] : rest;
        if (paramsAt >= 0)
        {
            foreach (var parameter in rest[(paramsAt + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = parameter.IndexOf('=');
                parameters[eq < 0 ? parameter : parameter[..eq]] = eq < 0 ? null : parameter[(eq + 1)..];
            }
        }

        if (!TrySplitHostPort(hostPort, out var host, out var port))
        {
            return false;
        }

        uri = new SipUri(scheme, user, host, port, parameters);
        return true;
    }

    internal static bool TrySplitHostPort(string hostPort, out string host, out int? port)
    {
        host = hostPort;
        port = null;
        string portText;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            host = hostPort[..(close + 1)];
            portText = hostPort[(close + 1)..];
            if (portText.Length > 0 && portText[0] != ':')
            {
                return false;
            }

            portText = portText.TrimStart(':');
        }
        else
        {
            var colon = hostPort.IndexOf(':');
            if (colon >= 0)
            {
                host = hostPort[..colon];
                portText = hostPort[(colon + 1)..];
            }
            else
            {
                portText = string.Empty;
            }
        }

        if (host.Length == 0)
        {
            return false;
        }

        if (portText.Length > 0)
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is 0 or > 65535)
            {
                return false;
            }

            port = value;
        }

        return true;
    }

    public string? Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value : null;

    public override string ToString()
    {
        var text = Scheme + ":" + (User is null ? string.Empty : User + "@") + Host + (Port is { } p ? ":" + p.ToString(CultureInfo.InvariantCulture) : string.Empty);
        foreach (var (name, value) in Parameters)
        {
            text += ";" + name + (value is null ? string.Empty : "=" + value);
        }

        return text;
    }
}
