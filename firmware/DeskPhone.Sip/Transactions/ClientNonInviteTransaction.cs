using System.Net;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Transactions;

/// <summary>
/// The non-INVITE client transaction of RFC 3261 §17.1.2 (Figure 6): Timer E retransmits (UDP
/// only), Timer F gives up, Timer K absorbs response retransmissions (T4 over UDP, zero over TCP).
/// Runs on the signalling loop.
/// </summary>
internal sealed class ClientNonInviteTransaction(TransactionContext context, SipRequest request, IPEndPoint destination, Action<SipResponse> onResponse, Action onTimeout)
    : ClientTransaction(context, request, destination, onResponse, onTimeout, ClientTransactionState.Trying)
{
    private TimeSpan retransmitInterval;
    private ITimer? timerE;
    private ITimer? timerF;
    private ITimer? timerK;

    public override void Start()
    {
        Transmit();
        retransmitInterval = Context.Timers.T1;
        if (!Context.Reliable)
        {
            timerE = Context.Loop.Schedule(retransmitInterval, OnTimerE);
        }

        timerF = Context.Loop.Schedule(Context.Timers.TransactionTimeout, OnTimerF);
    }

    public override void Receive(SipResponse response)
    {
        if (State is not (ClientTransactionState.Trying or ClientTransactionState.Proceeding))
        {
            return;
        }

        if (response.IsProvisional)
        {
            State = ClientTransactionState.Proceeding;
            OnResponse(response);
            return;
        }

        State = ClientTransactionState.Completed;
        timerE?.Dispose();
        timerF?.Dispose();
        OnResponse(response);
        timerK = Context.AfterRetransmissionWait(Context.Timers.T4, Terminate);
    }

    protected override void StopTimers()
    {
        timerE?.Dispose();
        timerF?.Dispose();
        timerK?.Dispose();
    }

    private void OnTimerE()
    {
        if (State is not (ClientTransactionState.Trying or ClientTransactionState.Proceeding))
        {
            return;
        }

        Transmit();
        retransmitInterval = State == ClientTransactionState.Trying
            ? TimeSpan.FromTicks(Math.Min(retransmitInterval.Ticks * 2, Context.Timers.T2.Ticks))
            : Context.Timers.T2;
        timerE = Context.Loop.Schedule(retransmitInterval, OnTimerE);
    }

    private void OnTimerF()
    {
        if (State is ClientTransactionState.Trying or ClientTransactionState.Proceeding)
        {
            TimeOut();
        }
    }
}
