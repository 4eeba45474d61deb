using System.Net;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Registration;
using DeskPhone.Sip.Transport;

namespace DeskPhone.Sip.Agent;

/// <summary>Where requests come from and where their responses go: the transport's flows and the trusted-source policy.</summary>
public sealed partial class SipUserAgent
{
    /// <summary>The registrar flow's keep-alive over a connection-oriented transport; null over UDP.</summary>
    internal FlowKeepAlive? KeepAlive { get; }

    /// <summary>
    /// Where a response goes (RFC 3261 §18.2.2): over a reliable transport back on the connection
    /// the request came on, whose far end is <paramref name="source"/>; over UDP per the Via.
    /// </summary>
    private IPEndPoint ResponseDestination(SipRequest request, IPEndPoint source) =>
        transport.IsReliable ? source : EndPointResolver.ResponseDestination(request.TopVia, source);

    /// <summary>
    /// True, and the request counted, when <see cref="SipAgentOptions.TrustedSourcesOnly"/> drops an
    /// out-of-dialog request: the phone is registered and <paramref name="source"/> is not its registrar.
    /// </summary>
    private bool RefusesSource(string method, IPEndPoint source)
    {
        if (!Options.TrustedSourcesOnly || Registration.Status.Phase != RegistrationPhase.Registered || trustedSources.IsTrusted(source))
        {
            return false;
        }

        trustedSources.Drop(method, source);
        return true;
    }

    /// <summary>
    /// Pings the registrar's connection while registered and registers again when it fails
    /// (RFC 5626 §4.4.1). The transport's events arrive on its own threads and are posted here.
    /// </summary>
    private FlowKeepAlive KeepFlowAlive(IConnectionTransport connections)
    {
        var keepAlive = new FlowKeepAlive(connections, Loop, logger);
        keepAlive.FlowFailed += Registration.RecoverFlow;
        Registration.Changed += status =>
        {
            if (status.Phase == RegistrationPhase.Registered && NextHop is { } flow)
            {
                keepAlive.Start(flow);
            }
            else
            {
                keepAlive.Stop();
            }
        };
        connections.PongReceived += remote => Loop.Post(() => keepAlive.ReceivePong(remote));
        connections.ConnectionClosed += remote => Loop.Post(() => keepAlive.ConnectionClosed(remote));
        return keepAlive;
    }

    private static IPAddress Unmapped(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
