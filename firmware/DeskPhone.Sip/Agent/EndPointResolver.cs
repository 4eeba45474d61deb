using System.Net;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Agent;

/// <summary>
/// Turns the host of a URI or Via into an address without blocking the loop: IP literals and
/// "localhost" only. Anything else is sent through the PBX, which resolves names for us.
/// </summary>
internal static class EndPointResolver
{
    public static IPEndPoint? TryResolve(string host, int? port)
    {
        var literal = host.Trim('[', ']');
        IPAddress? address = literal.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            ? IPAddress.Loopback
            : IPAddress.TryParse(literal, out var parsed) ? parsed : null;
        return address is null ? null : new IPEndPoint(address, port ?? 5060);
    }

    public static IPEndPoint? TryResolve(SipUri uri) => TryResolve(uri.Host, uri.Port);

    /// <summary>
    /// Where a response goes (RFC 3261 §18.2.2 with RFC 3581): the source address and port when
    /// rport was asked for, otherwise the received address and the sent-by port.
    /// </summary>
    public static IPEndPoint ResponseDestination(Via via, IPEndPoint source)
    {
        if (via.Parameters.ContainsKey("rport"))
        {
            return source;
        }

        var port = via.Port ?? 5060;
        return TryResolve(via.Host, port) is { } sentBy && sentBy.Address.Equals(source.Address)
            ? sentBy
            : new IPEndPoint(source.Address, port);
    }
}
