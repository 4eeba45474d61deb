using System.Net.Sockets;

namespace DeskPhone.Sip.Agent;

/// <summary>
/// Finds the addresses of a SIP server (RFC 3263 §4). Called off the signalling loop; it may block
/// or wait on the network, and must not touch SIP state.
/// </summary>
internal interface IServerResolver
{
    /// <summary>
    /// The server's targets in the order to try them, for <paramref name="transport"/> ("UDP",
    /// "TCP") and addresses of <paramref name="family"/> (the SIP socket's). Never throws for DNS
    /// failures: they come back as an empty list with <see cref="ResolvedTargets.Error"/>.
    /// </summary>
    Task<ResolvedTargets> ResolveAsync(ServerAddress server, string transport, AddressFamily family, CancellationToken cancellationToken);
}
