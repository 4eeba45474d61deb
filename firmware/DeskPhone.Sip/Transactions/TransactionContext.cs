using System.Net;
using DeskPhone.Sip.Threading;
using DeskPhone.Sip.Transport;

namespace DeskPhone.Sip.Transactions;

/// <summary>What every transaction needs: where to send, the clock (through the loop), the timer values.</summary>
internal sealed class TransactionContext(ISipTransport transport, SignallingLoop loop, SipTimers timers)
{
    public SipTimers Timers { get; } = timers;

    public SignallingLoop Loop { get; } = loop;

    /// <summary>
    /// RFC 3261 §17: over a reliable transport nothing is retransmitted (Timers A, E, G are not
    /// started) and the waits for stray retransmissions (Timers D, I, J, K) are zero.
    /// </summary>
    public bool Reliable { get; } = transport.IsReliable;

    public void Send(byte[] bytes, IPEndPoint destination) => transport.Send(bytes, destination);

    /// <summary>
    /// Runs <paramref name="callback"/> after <paramref name="unreliableWait"/> over UDP, or at once
    /// (returning null) over a reliable transport, where that wait is zero (Timers D, I, J, K).
    /// </summary>
    public ITimer? AfterRetransmissionWait(TimeSpan unreliableWait, Action callback)
    {
        if (Reliable)
        {
            callback();
            return null;
        }

        return Loop.Schedule(unreliableWait, callback);
    }
}
