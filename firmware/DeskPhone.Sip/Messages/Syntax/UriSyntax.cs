using System.Text;

namespace DeskPhone.Sip.Messages.Syntax;

/// <summary>
/// URIs as SIP carries them: SIP-URI and SIPS-URI in full (RFC 3261 §19.1.1, §25.1, IPv6
/// references per RFC 5118), and any other scheme as an absoluteURI (RFC 2396) that is checked
/// for its characters but otherwise kept opaque, so tel:, urn: and unknown schemes survive.
/// </summary>
internal static class UriSyntax
{
    public static bool IsSipScheme(ReadOnlySpan<byte> uri)
    {
        var colon = uri.IndexOf((byte)':');
        return colon > 0 && IsSipSchemeName(uri[..colon]);
    }

    /// <summary>A SIP or SIPS URI when the scheme says so, otherwise a well-formed absoluteURI.</summary>
    public static bool IsValid(ReadOnlySpan<byte> uri) =>
        IsSipScheme(uri) ? TryParseSip(uri, out _) : IsAbsoluteUri(uri);

    /// <summary>scheme ":" 1*uric, the scheme starting with a letter.</summary>
    public static bool IsAbsoluteUri(ReadOnlySpan<byte> uri)
    {
        var colon = uri.IndexOf((byte)':');
        if (colon <= 0 || !char.IsAsciiLetter((char)uri[0]) || uri[..colon].ContainsAnyExcept(SipCharacters.Scheme))
        {
            return false;
        }

        return SipCharacters.IsEscapedRun(uri[(colon + 1)..], SipCharacters.AbsoluteUri);
    }

    public static bool TryParseSip(ReadOnlySpan<byte> uri, out SipUriParts parts)
    {
        parts = default;
        var colon = uri.IndexOf((byte)':');
        if (colon <= 0 || !IsSipSchemeName(uri[..colon]))
        {
            return false;
        }

        var scheme = uri[..colon];
        var rest = uri[(colon + 1)..];

        // Neither parameters nor headers may hold an unescaped "@", so the first one ends the userinfo.
        ReadOnlySpan<byte> user = default;
        var at = rest.IndexOf((byte)'@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            var passwordAt = userInfo.IndexOf((byte)':');
            user = passwordAt < 0 ? userInfo : userInfo[..passwordAt];
            var password = passwordAt < 0 ? default : userInfo[(passwordAt + 1)..];
            if (!SipCharacters.IsEscapedRun(user, SipCharacters.User)
                || password.ContainsAnyExcept(SipCharacters.Password) || !SipCharacters.HasValidEscapes(password))
            {
                return false;
            }

            rest = rest[(at + 1)..];
        }

        if (!TryTakeHostPort(ref rest, out var host, out var port))
        {
            return false;
        }

        ReadOnlySpan<byte> parameters = default;
        if (!rest.IsEmpty && rest[0] == ';')
        {
            var end = rest.IndexOf((byte)'?');
            parameters = end < 0 ? rest[1..] : rest[1..end];
            if (!AreParametersValid(parameters))
            {
                return false;
            }

            rest = end < 0 ? default : rest[end..];
        }

        ReadOnlySpan<byte> headers = default;
        if (!rest.IsEmpty)
        {
            if (rest[0] != '?' || !AreHeadersValid(rest[1..]))
            {
                return false;
            }

            headers = rest[1..];
        }

        parts = new SipUriParts { Scheme = scheme, User = user, Host = host, Port = port, Parameters = parameters, Headers = headers };
        return true;
    }

    /// <summary>Adds each ";name[=value]" of validated URI parameters, or each "name=value" of headers.</summary>
    public static Dictionary<string, string?> Split(ReadOnlySpan<byte> list, byte separator)
    {
        var dictionary = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var range in list.Split(separator))
        {
            var item = list[range];
            if (item.IsEmpty)
            {
                continue;
            }

            var eq = item.IndexOf((byte)'=');
            dictionary[Encoding.UTF8.GetString(eq < 0 ? item : item[..eq])] = eq < 0 ? null : Encoding.UTF8.GetString(item[(eq + 1)..]);
        }

        return dictionary;
    }

    /// <summary>host [ ":" port ], host being a name, an IPv4 address or an IPv6 reference.</summary>
    public static bool TryTakeHostPort(scoped ref ReadOnlySpan<byte> text, out ReadOnlySpan<byte> host, out int? port)
    {
        port = null;
        int hostLength;
        if (!text.IsEmpty && text[0] == '[')
        {
            var close = text.IndexOf((byte)']');
            if (close < 0 || !IsIpv6(text[1..close]))
            {
                host = default;
                return false;
            }

            hostLength = close + 1;
        }
        else
        {
            hostLength = text.IndexOfAnyExcept(SipCharacters.Host);
            hostLength = hostLength < 0 ? text.Length : hostLength;
        }

        host = text[..hostLength];
        text = text[hostLength..];
        if (host.IsEmpty)
        {
            return false;
        }

        if (text.IsEmpty || text[0] != ':')
        {
            return true;
        }

        var digits = text[1..];
        var digitsLength = digits.IndexOfAnyExcept(SipCharacters.Digits);
        digitsLength = digitsLength < 0 ? digits.Length : digitsLength;
        if (!TryParsePort(digits[..digitsLength], out var value))
        {
            return false;
        }

        port = value;
        text = digits[digitsLength..];
        return true;
    }

    /// <summary>
    /// Hex digits, colons and dots with at least one colon. Deliberately lenient: RFC 5118 §4.10
    /// asks to accept the "2001:db8:::192.0.2.1" form the RFC 3261 grammar wrongly allowed.
    /// </summary>
    private static bool IsIpv6(ReadOnlySpan<byte> address) =>
        address.Contains((byte)':') && !address.ContainsAnyExcept(SipCharacters.Ipv6);

    public static bool TryParsePort(ReadOnlySpan<byte> digits, out int port)
    {
        port = 0;
        if (digits.IsEmpty || digits.Length > 5)
        {
            return false;
        }

        foreach (var digit in digits)
        {
            port = (port * 10) + (digit - '0');
        }

        return port is > 0 and <= 65535;
    }

    private static bool IsSipSchemeName(ReadOnlySpan<byte> scheme) =>
        Ascii.EqualsIgnoreCase(scheme, "sip"u8) || Ascii.EqualsIgnoreCase(scheme, "sips"u8);

    /// <summary>uri-parameter *( ";" uri-parameter ), each pname [ "=" pvalue ] of paramchars.</summary>
    private static bool AreParametersValid(ReadOnlySpan<byte> parameters)
    {
        foreach (var range in parameters.Split((byte)';'))
        {
            var parameter = parameters[range];
            var eq = parameter.IndexOf((byte)'=');
            if (!SipCharacters.IsEscapedRun(eq < 0 ? parameter : parameter[..eq], SipCharacters.UriParameter)
                || (eq >= 0 && !SipCharacters.IsEscapedRun(parameter[(eq + 1)..], SipCharacters.UriParameter)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>header *( "&amp;" header ), header = hname "=" hvalue.</summary>
    private static bool AreHeadersValid(ReadOnlySpan<byte> headers)
    {
        foreach (var range in headers.Split((byte)'&'))
        {
            var header = headers[range];
            var eq = header.IndexOf((byte)'=');
            if (eq < 0 || !SipCharacters.IsEscapedRun(header[..eq], SipCharacters.UriHeader)
                || header[(eq + 1)..].ContainsAnyExcept(SipCharacters.UriHeader) || !SipCharacters.HasValidEscapes(header[(eq + 1)..]))
            {
                return false;
            }
        }

        return true;
    }
}
