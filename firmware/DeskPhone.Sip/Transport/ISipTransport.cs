using System.Net;

namespace DeskPhone.Sip.Transport;

/// <summary>Sends bytes to a peer. Implemented over UDP; tests use an in-memory one.</summary>
public interface ISipTransport
{
    IPEndPoint LocalEndPoint { get; }

    /// <summary>Sends one message. THREAD: the signalling loop. Never blocks on the network.</summary>
    void Send(ReadOnlySpan<byte> message, IPEndPoint destination);
}
