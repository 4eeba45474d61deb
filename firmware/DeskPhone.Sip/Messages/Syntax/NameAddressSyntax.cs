using System.Buffers;

namespace DeskPhone.Sip.Messages.Syntax;

/// <summary>
/// ( name-addr / addr-spec ) *( SEMI generic-param ) as in From, To, Contact, Route and
/// Record-Route (RFC 3261 §20.10, §25.1). An addr-spec cannot hold ",", ";" or "?" (those
/// URIs must be in angle brackets), and nothing may separate the brackets from the URI.
/// </summary>
internal static class NameAddressSyntax
{
    /// <summary>Where an addr-spec ends: whitespace, the header's own delimiters, or characters no URI has.</summary>
    private static readonly SearchValues<byte> AddrSpecEnd = SearchValues.Create(" \t\r\n;,?<>\""u8);

    /// <summary>
    /// Reads one value from the scanner's position. With <paramref name="bracketsRequired"/>
    /// (Route, Record-Route: name-addr only) an addr-spec is refused.
    /// </summary>
    public static bool TryRead(ref SipScanner scanner, bool bracketsRequired, out NameAddressParts parts)
    {
        parts = default;
        scanner.SkipWhitespace();
        ReadOnlySpan<byte> display = default;
        if (scanner.Current == '"')
        {
            if (!scanner.TakeQuotedString(out display))
            {
                return false;
            }

            scanner.SkipWhitespace();
        }
        else if (scanner.Current != '<')
        {
            // display-name = *(token LWS): tokens count as a display name only when "<" follows
            // (RFC 4475 §3.1.1.6: the LWS before "<" may be missing).
            var start = scanner.Position;
            var end = start;
            while (scanner.TakeToken(out _))
            {
                end = scanner.Position;
                scanner.SkipWhitespace();
            }

            if (scanner.Current != '<' || end == start)
            {
                scanner.Position = start;
                return !bracketsRequired && TryReadAddrSpec(ref scanner, out parts);
            }

            display = scanner.Slice(start, end);
        }

        if (!scanner.Take((byte)'<'))
        {
            return false;
        }

        var close = scanner.Rest.IndexOf((byte)'>');
        if (close < 0)
        {
            return false;
        }

        var uri = scanner.Rest[..close];
        scanner.Position += close + 1;
        if (!UriSyntax.IsValid(uri))
        {
            return false;
        }

        var parametersStart = scanner.Position;
        if (!ParameterSyntax.Skip(ref scanner))
        {
            return false;
        }

        parts = new NameAddressParts { DisplayName = display, Uri = uri, Parameters = scanner.Slice(parametersStart) };
        return true;
    }

    private static bool TryReadAddrSpec(ref SipScanner scanner, out NameAddressParts parts)
    {
        parts = default;
        var length = scanner.Rest.IndexOfAny(AddrSpecEnd);
        var uri = length < 0 ? scanner.Rest : scanner.Rest[..length];
        scanner.Position += uri.Length;
        if (scanner.Current == '?' || !UriSyntax.IsValid(uri))
        {
            return false;
        }

        var parametersStart = scanner.Position;
        if (!ParameterSyntax.Skip(ref scanner))
        {
            return false;
        }

        parts = new NameAddressParts { Uri = uri, Parameters = scanner.Slice(parametersStart) };
        return true;
    }
}
