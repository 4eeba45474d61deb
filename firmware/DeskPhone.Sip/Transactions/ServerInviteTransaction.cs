using System.Net;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Transactions;

/// <summary>
/// The INVITE server transaction of RFC 3261 §17.2.1 (Figure 7). A 2xx ends it at once (the UAS
/// core retransmits the 2xx, §13.3.1.4); a final non-2xx is retransmitted by Timer G (UDP only)
/// until the ACK arrives or Timer H gives up, and Timer I absorbs further ACKs (T4 over UDP, zero
/// over TCP). Runs on the loop.
/// </summary>
internal sealed class ServerInviteTransaction(TransactionContext context, SipRequest request, IPEndPoint responseDestination) : IServerTransaction
{
    private byte[]? lastResponse;
    private TimeSpan retransmitInterval;
    private ITimer? timerG;
    private ITimer? timerH;
    private ITimer? timerI;

    public event Action<IServerTransaction>? Terminated;

    /// <summary>Raised when Timer H fires: the final response was never acknowledged.</summary>
    public event Action? AckTimedOut;

    public SipRequest Request { get; } = request;

    public ServerTransactionState State { get; private set; } = ServerTransactionState.Proceeding;

    public IPEndPoint ResponseDestination { get; } = responseDestination;

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

        if (response.IsSuccess)
        {
            Terminate();
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
        Terminated?.Invoke(this);
    }
}
