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

/// <summary>A client transaction as the transaction layer sees it. All members run on the signalling loop.</summary>
internal interface IClientTransaction
{
    event Action<IClientTransaction>? Terminated;

    SipRequest Request { get; }

    ClientTransactionState State { get; }

    void Start();

    void Receive(SipResponse response);

    /// <summary>Stops all timers without reporting anything (shutdown).</summary>
    void Abandon();
}
