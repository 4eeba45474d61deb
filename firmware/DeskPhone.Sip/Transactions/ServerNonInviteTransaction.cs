using System.Net;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Transactions;

/// <summary>
/// The non-INVITE server transaction of RFC 3261 §17.2.2 (Figure 8): retransmitted requests get
/// the last response again; Timer J keeps the state long enough to absorb them (64·T1 over UDP,
/// zero over TCP, where requests are not retransmitted). Runs on the loop.
/// </summary>
internal sealed class ServerNonInviteTransaction(TransactionContext context, SipRequest request, IPEndPoint responseDestination) : IServerTransaction
{
    private byte[]? lastResponse;
    private ITimer? timerJ;

    public event Action<IServerTransaction>? Terminated;

    public SipRequest Request { get; } = request;

    public ServerTransactionState State { get; private set; } = ServerTransactionState.Trying;

    public void Respond(SipResponse response)
    {
        if (State is ServerTransactionState.Completed or ServerTransactionState.Terminated)
        {
            return;
        }

        lastResponse = response.ToBytes();
        context.Send(lastResponse, responseDestination);
        if (response.IsProvisional)
        {
            State = ServerTransactionState.Proceeding;
            return;
        }

        State = ServerTransactionState.Completed;
        timerJ = context.AfterRetransmissionWait(context.Timers.TransactionTimeout, Terminate);
    }

    public void ReceiveRetransmission()
    {
        if (lastResponse is not null && State is ServerTransactionState.Proceeding or ServerTransactionState.Completed)
        {
            context.Send(lastResponse, responseDestination);
        }
    }

    public void Abandon() => Terminate();

    private void Terminate()
    {
        if (State == ServerTransactionState.Terminated)
        {
            return;
        }

        State = ServerTransactionState.Terminated;
        timerJ?.Dispose();
        Terminated?.Invoke(this);
    }
}
