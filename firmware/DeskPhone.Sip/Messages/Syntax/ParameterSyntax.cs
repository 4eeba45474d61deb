using System.Text;

namespace DeskPhone.Sip.Messages.Syntax;

/// <summary>
/// Header parameters: *( SEMI generic-param ), generic-param = token [ EQUAL gen-value ]
/// (RFC 3261 §25.1). Values keep their quotes so they serialise as they came.
/// </summary>
internal static class ParameterSyntax
{
    /// <summary>Reads the parameters that follow; false on an empty or malformed parameter (";;", "a=").</summary>
    public static bool Skip(ref SipScanner scanner)
    {
        while (scanner.TakeSeparator((byte)';'))
        {
            if (!TakeParameter(ref scanner, out _, out _))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The parameters of an already validated list (the text from its first ";"), by name.</summary>
    public static Dictionary<string, string?> Parse(ReadOnlySpan<byte> parameters)
    {
        var dictionary = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var scanner = new SipScanner(parameters);
        while (scanner.TakeSeparator((byte)';') && TakeParameter(ref scanner, out var name, out var value))
        {
            dictionary[Encoding.UTF8.GetString(name)] = value.IsEmpty ? null : Encoding.UTF8.GetString(value);
        }

        return dictionary;
    }

    private static bool TakeParameter(ref SipScanner scanner, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (!scanner.TakeToken(out name))
        {
            return false;
        }

        if (!scanner.TakeSeparator((byte)'='))
        {
            return true;
        }

        if (scanner.Current == '"')
        {
            return scanner.TakeQuotedString(out value);
        }

        value = scanner.TakeRun(SipCharacters.GenericValue);
        return !value.IsEmpty;
    }
}
