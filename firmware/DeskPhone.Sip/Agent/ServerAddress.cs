using System.Globalization;
using System.Net;

namespace DeskPhone.Sip.Agent;

/// <summary>
/// A SIP server as configured: a host name or IP literal and an optional port ("pbx.example.com",
/// "pbx.example.com:5070", "10.0.0.5", "[2001:db8::5]:5070"). Whether a port is given matters:
/// RFC 3263 §4.2 looks up SRV records only for a name without one.
/// </summary>
public sealed record ServerAddress
{
    private ServerAddress(string host, int? port, IPAddress? literal)
    {
        Host = host;
        Port = port;
        Literal = literal;
    }

    /// <summary>The host name, or the IP literal without brackets.</summary>
    public string Host { get; }

    /// <summary>The port written in the configuration; null when none was.</summary>
    public int? Port { get; }

    /// <summary>The address when <see cref="Host"/> is an IP literal, used as is (RFC 3263 §4.2); null for a name.</summary>
    public IPAddress? Literal { get; }

    /// <summary>
    /// Reads "host", "host:port", an IPv4 literal with or without port, or an IPv6 literal
    /// (bracketed when it has a port). On failure <paramref name="error"/> says what is wrong.
    /// </summary>
    public static bool TryParse(string? text, out ServerAddress address, out string error)
    {
        address = null!;
        text = text?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            error = "empty";
            return false;
        }

        var host = text;
        string? portText = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0 || (close + 1 < text.Length && text[close + 1] != ':'))
            {
                error = $"bad IPv6 reference in '{text}'";
                return false;
            }

            host = text[1..close];
            portText = close + 1 < text.Length ? text[(close + 2)..] : null;
        }
        else if (text.IndexOf(':') is var colon and > 0 && text.IndexOf(':', colon + 1) < 0)
        {
            // One colon: host and port. More than one without brackets: a bare IPv6 literal.
            host = text[..colon];
            portText = text[(colon + 1)..];
        }

        int? port = null;
        if (portText is not null)
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            {
                error = $"bad port in '{text}'";
                return false;
            }

            port = number;
        }

        if (IPAddress.TryParse(host, out var literal))
        {
            address = new ServerAddress(literal.ToString(), port, literal);
            error = string.Empty;
            return true;
        }

        if (!IsHostName(host))
        {
            error = $"not a host name or IP address: '{text}'";
            return false;
        }

        address = new ServerAddress(host.TrimEnd('.').ToLowerInvariant(), port, null);
        error = string.Empty;
        return true;
    }

    /// <summary>The address for an IP end point: a literal with its port.</summary>
    public static ServerAddress For(IPEndPoint endPoint) => new(endPoint.Address.ToString(), endPoint.Port, endPoint.Address);

    /// <summary>An IP end point is a server address that needs no look-up.</summary>
    public static implicit operator ServerAddress(IPEndPoint endPoint) => For(endPoint);

    /// <summary>The host as it goes into a SIP URI: IPv6 literals in brackets (RFC 5118).</summary>
    public string UriHost => Literal is { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } ? "[" + Host + "]" : Host;

    public override string ToString() => Port is { } port ? UriHost + ":" + port.ToString(CultureInfo.InvariantCulture) : UriHost;

    /// <summary>RFC 1123 §2.1 host names: dot-separated labels of letters, digits and inner hyphens.</summary>
    private static bool IsHostName(string host)
    {
        var name = host.EndsWith('.') ? host[..^1] : host;
        if (name.Length is 0 or > 253)
        {
            return false;
        }

        foreach (var label in name.Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }
        }

        return true;
    }
}
