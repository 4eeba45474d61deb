using System.Net;

namespace DeskPhone.Sip.Transport;

/// <summary>A transport on real sockets: it receives as well as sends, and is started and disposed by the host.</summary>
public interface ISocketSipTransport : ISipTransport, IDisposable
{
    /// <summary>
    /// Raised for every message received, with its bytes (valid only during the call) and the
    /// address it came from. THREAD: the transport's receive thread (UDP) or a connection's
    /// receive task (TCP); the handler must copy or parse and post.
    /// </summary>
    event Action<ReadOnlyMemory<byte>, IPEndPoint>? MessageReceived;

    /// <summary>Starts receiving. Call once, after subscribing to <see cref="MessageReceived"/>.</summary>
    void Start();
}
