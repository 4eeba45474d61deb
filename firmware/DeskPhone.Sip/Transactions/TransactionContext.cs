using System.Net;
using DeskPhone.Sip.Threading;
using DeskPhone.Sip.Transport;

namespace DeskPhone.Sip.Transactions;

/// <summary>What every transaction needs: where to send, the clock (through the loop), the timer values.</summary>
internal sealed class TransactionContext(ISipTransport transport, SignallingLoop loop, SipTimers timers)
{
    public SipTimers Timers { get; } = timers;

    public SignallingLoop Loop { get; } = loop;

    public void Send(byte[] bytes, IPEndPoint destination) => transport.Send(bytes, destination);
}
