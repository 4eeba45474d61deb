using System.Net;

namespace DeskPhone.Sip.Transport;

/// <summary>
/// Sends bytes to a peer: over UDP or TCP; tests use an in-memory one. A datagram transport
/// needs only <see cref="LocalEndPoint"/> and <see cref="Send"/>; the defaults describe UDP.
/// </summary>
public interface ISipTransport
{
    IPEndPoint LocalEndPoint { get; }

    /// <summary>The transport token of RFC 3261 §18.2.1 written in Via ("UDP", "TCP").</summary>
    string Name => "UDP";

    /// <summary>
    /// True for a transport that delivers in order without loss (TCP): RFC 3261 §17 then sends no
    /// retransmissions (Timers A, E, G) and needs no wait for them (Timers D, I, J, K are zero).
    /// </summary>
    bool IsReliable => false;

    /// <summary>
    /// Sends one message. Over a connection-oriented transport it goes on the open connection to
    /// <paramref name="destination"/> (RFC 3261 §18.2.2: a response on the connection its request
    /// came on), or on a new one. THREAD: the signalling loop. Never blocks on the network.
    /// </summary>
    void Send(ReadOnlySpan<byte> message, IPEndPoint destination);
}
