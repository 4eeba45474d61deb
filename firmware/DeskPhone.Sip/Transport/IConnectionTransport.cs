using System.Net;

namespace DeskPhone.Sip.Transport;

/// <summary>
/// A connection-oriented transport (TCP; TLS later): its connections to a peer are flows that
/// can be kept alive and found dead (RFC 5626 §4.4.1, §3.5.1).
/// </summary>
public interface IConnectionTransport : ISipTransport
{
    /// <summary>
    /// A single-CRLF pong arrived on the connection to <c>remote</c>. THREAD: that connection's
    /// receive task; the handler must post to the loop.
    /// </summary>
    event Action<IPEndPoint>? PongReceived;

    /// <summary>
    /// The connection to <c>remote</c> ended: closed by either side, reset, idle, or it never
    /// connected. THREAD: any; the handler must post to the loop.
    /// </summary>
    event Action<IPEndPoint>? ConnectionClosed;

    /// <summary>
    /// A message given to <see cref="ISipTransport.Send"/> was not sent: its connection could not
    /// be opened or closed first, or its queue was full. Raised once per such message, keep-alives
    /// excepted. THREAD: any (a connection's task, or the caller of <see cref="ISipTransport.Send"/>
    /// itself); the handler must post to the loop.
    /// </summary>
    event Action<SendFailure>? SendFailed;

    /// <summary>
    /// Sends a double-CRLF ping (RFC 5626 §4.4.1) on the open connection to
    /// <paramref name="destination"/>; false when none is open. THREAD: the signalling loop.
    /// </summary>
    bool TrySendPing(IPEndPoint destination);

    /// <summary>Closes the connection to <paramref name="destination"/>, if one is open (a flow found dead). THREAD: any.</summary>
    void Close(IPEndPoint destination);
}
