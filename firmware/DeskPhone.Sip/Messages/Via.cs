using System.Text;
using DeskPhone.Sip.Messages.Syntax;

namespace DeskPhone.Sip.Messages;

/// <summary>One Via value (RFC 3261 §20.42, §18.2.2; rport from RFC 3581; IPv6 per RFC 5118).</summary>
public sealed record Via(string Transport, string Host, int? Port, IReadOnlyDictionary<string, string?> Parameters)
{
    /// <summary>RFC 3261 §8.1.1.7: branch IDs of compliant elements start with this cookie.</summary>
    public const string MagicCookie = "z9hG4bK";

    public static readonly Via Empty = new(string.Empty, string.Empty, null, new Dictionary<string, string?>());

    public string? Branch => Parameters.TryGetValue("branch", out var branch) ? branch : null;

    /// <summary>Parses exactly one via-parm.</summary>
    public static bool TryParse(string? text, out Via via) => Utf8Text.TryRead(text, TryParse, out via);

    internal static bool TryParse(ReadOnlySpan<byte> text, out Via via)
    {
        var scanner = new SipScanner(text);
        return TryRead(ref scanner, out via) && scanner.AtEndAfterWhitespace();
    }

    /// <summary>The first via-parm of a Via field that may hold several.</summary>
    internal static bool TryParseFirst(ReadOnlySpan<byte> text, out Via via)
    {
        var scanner = new SipScanner(text);
        return TryRead(ref scanner, out via) && (scanner.AtEndAfterWhitespace() || scanner.TakeSeparator((byte)','));
    }

    private static bool TryRead(ref SipScanner scanner, out Via via)
    {
        via = Empty;
        if (!ViaSyntax.TryRead(ref scanner, out var parts))
        {
            return false;
        }

        via = new Via(
            Encoding.UTF8.GetString(parts.Transport).ToUpperInvariant(),
            Encoding.UTF8.GetString(parts.Host),
            parts.Port,
            ParameterSyntax.Parse(parts.Parameters));
        return true;
    }
}
