using System.Net;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Transactions;

internal enum ClientTransactionState
{
    Calling,
    Trying,
    Proceeding,
    Completed,
    Terminated,
}

/// <summary>
/// What the two client transactions of RFC 3261 §17.1 share: the request on the wire, where it
/// goes, whom to tell, and the end of life. All members run on the signalling loop.
/// </summary>
internal abstract class ClientTransaction
{
    protected ClientTransaction(TransactionContext context, SipRequest request, IPEndPoint destination, Action<SipResponse> onResponse, Action onTimeout, ClientTransactionState initial)
    {
        Context = context;
        Request = request;
        Bytes = request.ToBytes();
        Destination = destination;
        OnResponse = onResponse;
        OnTimeout = onTimeout;
        State = initial;
    }

    public event Action<ClientTransaction>? Terminated;

    public SipRequest Request { get; }

    public ClientTransactionState State { get; protected set; }

    protected TransactionContext Context { get; }

    protected byte[] Bytes { get; }

    protected IPEndPoint Destination { get; }

    protected Action<SipResponse> OnResponse { get; }

    protected Action OnTimeout { get; }

    public abstract void Start();

    public abstract void Receive(SipResponse response);

    /// <summary>Stops all timers without reporting anything (shutdown).</summary>
    public void Abandon() => Terminate();

    protected void Transmit() => Context.Send(Bytes, Destination);

    /// <summary>Times the transaction out: it ends and the timeout is reported once.</summary>
    protected void TimeOut()
    {
        Terminate();
        OnTimeout();
    }

    protected void Terminate()
    {
        if (State == ClientTransactionState.Terminated)
        {
            return;
        }

        State = ClientTransactionState.Terminated;
        StopTimers();
        Terminated?.Invoke(this);
    }

    protected abstract void StopTimers();
}
