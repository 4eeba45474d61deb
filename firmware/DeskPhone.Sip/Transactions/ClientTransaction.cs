using System.Net;
using DeskPhone.Sip.Agent;
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

    /// <summary>Whether <paramref name="message"/>, sent to <paramref name="destination"/>, is this transaction's request.</summary>
    public bool IsRequest(IPEndPoint destination, ReadOnlySpan<byte> message) =>
        Destination.Equals(destination) && Bytes.AsSpan().SequenceEqual(message);

    /// <summary>
    /// The transport could not send the request (RFC 3261 §17.1.4): the transaction ends at once
    /// and the TU gets a 503 made here, which is how §8.1.3.1 has a fatal transport error treated,
    /// so RFC 3263 §4.3 failover waits for neither Timer B nor F. Nothing was delivered, so
    /// nothing is ACKed. Ignored once a final response has come.
    /// </summary>
    public void FailTransport()
    {
        if (State is ClientTransactionState.Completed or ClientTransactionState.Terminated)
        {
            return;
        }

        Terminate();
        OnResponse(ResponseFactory.Create(Request, 503, "Service Unavailable"));
    }

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
