using System.Net;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Transactions;

/// <summary>
/// The INVITE server transaction of RFC 3261 §17.2.1 (Figure 7) as RFC 6026 §7.1 amends it. A
/// 2xx moves it to Accepted (the UAS core retransmits the 2xx, §13.3.1.4): for Timer L (64·T1)
/// it absorbs retransmitted INVITEs, which would otherwise look like new calls, and still matches
/// a CANCEL that crossed the 2xx, while ACKs for the 2xx pass to the dialog. A final non-2xx is
/// retransmitted by Timer G (UDP only) until the ACK arrives or Timer H gives up, and Timer I
/// absorbs further ACKs (T4 over UDP, zero over TCP). Runs on the loop.
/// </summary>
internal sealed class ServerInviteTransaction(TransactionContext context, SipRequest request, IPEndPoint responseDestination) : IServerTransaction
{
    private byte[]? lastResponse;
    private TimeSpan retransmitInterval;
    private ITimer? timerG;
    private ITimer? timerH;
    private ITimer? timerI;
    private ITimer? timerL;

    public event Action<IServerTransaction>? Terminated;

    /// <summary>Raised when Timer H fires: the final response was never acknowledged.</summary>
    public event Action? AckTimedOut;

    public SipRequest Request { get; } = request;

    public ServerTransactionState State { get; private set; } = ServerTransactionState.Proceeding;

    public IPEndPoint ResponseDestination { get; } = responseDestination;

    /// <summary>The To tag of the final response: an RFC 2543 ACK matches by it (§17.2.3).</summary>
    public string? ResponseToTag { get; private set; }

    public void Respond(SipResponse response)
    {
        if (State != ServerTransactionState.Proceeding)
        {
            return;
        }

        lastResponse = response.ToBytes();
        context.Send(lastResponse, ResponseDestination);
        if (response.IsProvisional)
        {
            return;
        }

        ResponseToTag = response.To.Tag;
        if (response.IsSuccess)
        {
            // RFC 6026 §7.1: Timer L is 64·T1 over every transport; it bounds how long a
            // retransmitted INVITE can still arrive, not how long the network holds a datagram.
            State = ServerTransactionState.Accepted;
            timerL = context.Loop.Schedule(context.Timers.TransactionTimeout, Terminate);
            return;
        }

        State = ServerTransactionState.Completed;
        retransmitInterval = context.Timers.T1;
        if (!context.Reliable)
        {
            timerG = context.Loop.Schedule(retransmitInterval, OnTimerG);
        }

        timerH = context.Loop.Schedule(context.Timers.TransactionTimeout, OnTimerH);
    }

    /// <summary>
    /// A retransmitted INVITE: answered with the last response, except in Accepted, where the UAS
    /// core's own 2xx retransmissions cover it (RFC 6026 §7.1).
    /// </summary>
    public void ReceiveRetransmission()
    {
        if (lastResponse is not null && State is ServerTransactionState.Proceeding or ServerTransactionState.Completed)
        {
            context.Send(lastResponse, ResponseDestination);
        }
    }

    /// <summary>The ACK for our non-2xx final response.</summary>
    public void ReceiveAck()
    {
        if (State != ServerTransactionState.Completed)
        {
            return;
        }

        State = ServerTransactionState.Confirmed;
        timerG?.Dispose();
        timerH?.Dispose();
        timerI = context.AfterRetransmissionWait(context.Timers.T4, Terminate);
    }

    public void Abandon() => Terminate();

    private void OnTimerG()
    {
        if (State != ServerTransactionState.Completed)
        {
            return;
        }

        context.Send(lastResponse!, ResponseDestination);
        retransmitInterval = TimeSpan.FromTicks(Math.Min(retransmitInterval.Ticks * 2, context.Timers.T2.Ticks));
        timerG = context.Loop.Schedule(retransmitInterval, OnTimerG);
    }

    private void OnTimerH()
    {
        if (State == ServerTransactionState.Completed)
        {
            Terminate();
            AckTimedOut?.Invoke();
        }
    }

    private void Terminate()
    {
        if (State == ServerTransactionState.Terminated)
        {
            return;
        }

        State = ServerTransactionState.Terminated;
        timerG?.Dispose();
        timerH?.Dispose();
        timerI?.Dispose();
        timerL?.Dispose();
        Terminated?.Invoke(this);
    }
}
