using System.Net;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Transactions;

/// <summary>
/// The non-INVITE client transaction of RFC 3261 §17.1.2 (Figure 6) over UDP: Timer E retransmits,
/// Timer F gives up, Timer K absorbs response retransmissions. Runs on the signalling loop.
/// </summary>
internal sealed class ClientNonInviteTransaction : IClientTransaction
{
    private readonly TransactionContext context;
    private readonly byte[] bytes;
    private readonly IPEndPoint destination;
    private readonly Action<SipResponse> onResponse;
    private readonly Action onTimeout;
    private TimeSpan retransmitInterval;
    private ITimer? timerE;
    private ITimer? timerF;
    private ITimer? timerK;

    public ClientNonInviteTransaction(TransactionContext context, SipRequest request, IPEndPoint destination, Action<SipResponse> onResponse, Action onTimeout)
    {
        this.context = context;
        Request = request;
        bytes = request.ToBytes();
        this.destination = destination;
        this.onResponse = onResponse;
        this.onTimeout = onTimeout;
    }

    public event Action<IClientTransaction>? Terminated;

    public SipRequest Request { get; }

    public ClientTransactionState State { get; private set; } = ClientTransactionState.Trying;

    public void Start()
    {
        context.Send(bytes, destination);
        retransmitInterval = context.Timers.T1;
        timerE = context.Loop.Schedule(retransmitInterval, OnTimerE);
        timerF = context.Loop.Schedule(context.Timers.TransactionTimeout, OnTimerF);
    }

    public void Receive(SipResponse response)
    {
        if (State is not (ClientTransactionState.Trying or ClientTransactionState.Proceeding))
        {
            return;
        }

        if (response.IsProvisional)
        {
            State = ClientTransactionState.Proceeding;
            onResponse(response);
            return;
        }

        State = ClientTransactionState.Completed;
        timerE?.Dispose();
        timerF?.Dispose();
        onResponse(response);
        timerK = context.Loop.Schedule(context.Timers.T4, Terminate);
    }

    public void Abandon() => Terminate();

    private void OnTimerE()
    {
        if (State is not (ClientTransactionState.Trying or ClientTransactionState.Proceeding))
        {
            return;
        }

        context.Send(bytes, destination);
        retransmitInterval = State == ClientTransactionState.Trying
            ? TimeSpan.FromTicks(Math.Min(retransmitInterval.Ticks * 2, context.Timers.T2.Ticks))
            : context.Timers.T2;
        timerE = context.Loop.Schedule(retransmitInterval, OnTimerE);
    }

    private void OnTimerF()
    {
        if (State is ClientTransactionState.Trying or ClientTransactionState.Proceeding)
        {
            Terminate();
            onTimeout();
        }
    }

    private void Terminate()
    {
        if (State == ClientTransactionState.Terminated)
        {
            return;
        }

        State = ClientTransactionState.Terminated;
        timerE?.Dispose();
        timerF?.Dispose();
        timerK?.Dispose();
        Terminated?.Invoke(this);
    }
}
