using System.Net;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Transport;

namespace DeskPhone.Sip.Tests;

/// <summary>
/// A recording transport that plays TCP's connections: pings succeed on the destinations marked
/// open, and tests raise pongs and closed connections as the socket threads would.
/// </summary>
internal sealed class RecordingConnectionTransport() : RecordingTransport(reliable: true), IConnectionTransport
{
    private readonly List<IPEndPoint> pings = [];
    private readonly List<IPEndPoint> closed = [];

    public event Action<IPEndPoint>? PongReceived;

    public event Action<IPEndPoint>? ConnectionClosed;

    public event Action<SendFailure>? SendFailed;

    /// <summary>Whether a connection to the PBX is open; when false, pings fail.</summary>
    public bool Open { get; set; } = true;

    public IReadOnlyList<IPEndPoint> Pings
    {
        get
        {
            lock (pings)
            {
                return pings.ToList();
            }
        }
    }

    public IReadOnlyList<IPEndPoint> Closed
    {
        get
        {
            lock (closed)
            {
                return closed.ToList();
            }
        }
    }

    public bool TrySendPing(IPEndPoint destination)
    {
        if (!Open)
        {
            return false;
        }

        lock (pings)
        {
            pings.Add(destination);
        }

        return true;
    }

    public void Close(IPEndPoint destination)
    {
        lock (closed)
        {
            closed.Add(destination);
        }
    }

    public void RaisePong(IPEndPoint from) => PongReceived?.Invoke(from);

    public void RaiseClosed(IPEndPoint remote) => ConnectionClosed?.Invoke(remote);

    /// <summary>Reports <paramref name="message"/> to <paramref name="destination"/> unsent, as a connection's task would.</summary>
    public void RaiseSendFailed(SipMessage message, IPEndPoint destination) =>
        SendFailed?.Invoke(new SendFailure(destination, message.ToBytes(), "ConnectionRefused"));
}
