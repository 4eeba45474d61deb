using System.Globalization;
using System.Text;
using DeskPhone.Sip.Messages.Syntax;

namespace DeskPhone.Sip.Messages;

/// <summary>
/// A sip: or sips: URI (RFC 3261 §19.1): user (escapes decoded), host (IPv6 references kept in
/// brackets, RFC 5118), port, parameters and headers (both as written, escapes kept).
/// </summary>
public sealed record SipUri(string Scheme, string? User, string Host, int? Port, IReadOnlyDictionary<string, string?> Parameters)
{
    private static readonly IReadOnlyDictionary<string, string?> NoHeaders = new Dictionary<string, string?>();

    /// <summary>The "?name=value" headers of the URI (§19.1.1); empty when none.</summary>
    public IReadOnlyDictionary<string, string?> Headers { get; init; } = NoHeaders;

    public static bool TryParse(string? text, out SipUri uri) => Utf8Text.TryRead(text?.Trim(), TryParse, out uri);

    internal static bool TryParse(ReadOnlySpan<byte> text, out SipUri uri)
    {
        uri = null!;
        if (!UriSyntax.TryParseSip(text, out var parts))
        {
            return false;
        }

        uri = new SipUri(
            Encoding.ASCII.GetString(parts.Scheme).ToLowerInvariant(),
            parts.User.IsEmpty ? null : Uri.UnescapeDataString(Encoding.UTF8.GetString(parts.User)),
            Encoding.UTF8.GetString(parts.Host),
            parts.Port,
            UriSyntax.Split(parts.Parameters, (byte)';'))
        {
            Headers = parts.Headers.IsEmpty ? NoHeaders : UriSyntax.Split(parts.Headers, (byte)'&'),
        };
        return true;
    }

    public string? Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value : null;

    public override string ToString()
    {
        var text = new StringBuilder(Scheme).Append(':');
        if (User is not null)
        {
            text.Append(EscapeUser(User)).Append('@');
        }

        text.Append(Host);
        if (Port is { } port)
        {
            text.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var (name, value) in Parameters)
        {
            text.Append(';').Append(name);
            if (value is not null)
            {
                text.Append('=').Append(value);
            }
        }

        var separator = '?';
        foreach (var (name, value) in Headers)
        {
            text.Append(separator).Append(name).Append('=').Append(value);
            separator = '&';
        }

        return text.ToString();
    }

    /// <summary>Escapes what may not stand in a user part (§19.1.2), so a decoded user reads back the same.</summary>
    private static string EscapeUser(string user)
    {
        var bytes = Encoding.UTF8.GetBytes(user);
        var text = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is not ((byte)'%' or (byte)'#') && SipCharacters.User.Contains(b))
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
