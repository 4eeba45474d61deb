namespace DeskPhone.Sip.Messages.Syntax;

/// <summary>
/// via-parm = sent-protocol LWS sent-by *( SEMI via-params ) (RFC 3261 §20.42, §25.1), with the
/// whitespace the grammar allows around "/" and ":" and inside folded lines.
/// </summary>
internal static class ViaSyntax
{
    public static bool TryRead(ref SipScanner scanner, out ViaParts parts)
    {
        parts = default;
        if (!TryReadSentBy(ref scanner, out var sentBy))
        {
            return false;
        }

        var parametersStart = scanner.Position;
        if (!ParameterSyntax.Skip(ref scanner))
        {
            return false;
        }

        parts = sentBy with { Parameters = scanner.Slice(parametersStart) };
        return true;
    }

    /// <summary>
    /// Only sent-protocol and sent-by: enough to route a 400 for a request whose Via parameters
    /// are broken (RFC 3261 §18.2.2).
    /// </summary>
    public static bool TryReadSentBy(ref SipScanner scanner, out ViaParts parts)
    {
        parts = default;
        scanner.SkipWhitespace();
        if (!scanner.TakeToken(out _) || !scanner.TakeSeparator((byte)'/')
            || !scanner.TakeToken(out _) || !scanner.TakeSeparator((byte)'/')
            || !scanner.TakeToken(out var transport) || !scanner.SkipWhitespace())
        {
            return false;
        }

        var rest = scanner.Rest;
        var hostLength = rest.Length;
        var hostPort = rest;
        if (!UriSyntax.TryTakeHostPort(ref hostPort, out var host, out var port))
        {
            return false;
        }

        scanner.Position += hostLength - hostPort.Length;

        // COLON = SWS ":" SWS: a port may stand apart from the host.
        if (port is null && scanner.TakeSeparator((byte)':'))
        {
            if (!UriSyntax.TryParsePort(scanner.TakeRun(SipCharacters.Digits), out var apart))
            {
                return false;
            }

            port = apart;
        }

        parts = new ViaParts { Transport = transport, Host = host, Port = port };
        return true;
    }
}
