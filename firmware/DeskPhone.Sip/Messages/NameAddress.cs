using System.Text;
using DeskPhone.Sip.Messages.Syntax;

namespace DeskPhone.Sip.Messages;

/// <summary>
/// name-addr or addr-spec with header parameters (RFC 3261 §20.10, §25.1): From, To, Contact,
/// Route, Record-Route. The URI is kept as text so unknown schemes (tel:, urn:, …) survive untouched.
/// </summary>
public sealed record NameAddress(string? DisplayName, string Uri, IReadOnlyDictionary<string, string?> Parameters)
{
    public static readonly NameAddress Empty = new(null, string.Empty, new Dictionary<string, string?>());

    public string? Tag => Parameters.TryGetValue("tag", out var tag) ? tag : null;

    /// <summary>The URI as a SIP or SIPS URI, or null for other schemes.</summary>
    public SipUri? SipUri => Messages.SipUri.TryParse(Uri, out var uri) ? uri : null;

    public static bool TryParse(string? text, out NameAddress address) => Utf8Text.TryRead(text, TryParse, out address);

    internal static bool TryParse(ReadOnlySpan<byte> text, out NameAddress address)
    {
        address = Empty;
        var scanner = new SipScanner(text);
        if (!NameAddressSyntax.TryRead(ref scanner, bracketsRequired: false, out var parts) || !scanner.AtEndAfterWhitespace())
        {
            return false;
        }

        var display = DisplayNameText(parts.DisplayName);
        address = new NameAddress(display, Encoding.UTF8.GetString(parts.Uri), ParameterSyntax.Parse(parts.Parameters));
        return true;
    }

    public NameAddress WithTag(string tag)
    {
        var parameters = new Dictionary<string, string?>(Parameters, StringComparer.OrdinalIgnoreCase) { ["tag"] = tag };
        return this with { Parameters = parameters };
    }

    /// <summary>Always the name-addr form, so URIs with ";", "?" or "," stay unambiguous (§20.10).</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (DisplayName is not null)
        {
            text.Append('"').Append(DisplayName.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append("\" ");
        }

        text.Append('<').Append(Uri).Append('>');
        foreach (var (name, value) in Parameters)
        {
            text.Append(';').Append(name);
            if (value is not null)
            {
                text.Append('=').Append(value);
            }
        }

        return text.ToString();
    }

    /// <summary>A quoted display name without its quotes and escapes; a token display name with its LWS as single spaces.</summary>
    private static string? DisplayNameText(ReadOnlySpan<byte> display)
    {
        if (display.IsEmpty)
        {
            return null;
        }

        var text = new StringBuilder(display.Length);
        if (display[0] == '"')
        {
            var inner = Encoding.UTF8.GetString(display[1..^1]);
            for (var i = 0; i < inner.Length; i++)
            {
                if (inner[i] == '\\' && i + 1 < inner.Length)
                {
                    i++;
                }

                text.Append(inner[i]);
            }
        }
        else
        {
            foreach (var range in display.SplitAny(" \t\r\n"u8))
            {
                if (!display[range].IsEmpty)
                {
                    text.Append(text.Length > 0 ? " " : string.Empty).Append(Encoding.UTF8.GetString(display[range]));
                }
            }
        }

        return text.Length == 0 ? null : text.ToString();
    }
}
