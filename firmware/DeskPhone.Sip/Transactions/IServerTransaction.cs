using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Transactions;

internal enum ServerTransactionState
{
    Trying,
    Proceeding,
    Completed,
    Confirmed,

    /// <summary>RFC 6026 §7.1: an INVITE answered 2xx, kept to absorb retransmissions and match a late CANCEL.</summary>
    Accepted,
    Terminated,
}

/// <summary>A server transaction. All members run on the signalling loop.</summary>
internal interface IServerTransaction
{
    event Action<IServerTransaction>? Terminated;

    SipRequest Request { get; }

    ServerTransactionState State { get; }

    /// <summary>Sends a response for the request and moves the state machine.</summary>
    void Respond(SipResponse response);

    /// <summary>The same request arrived again (a retransmission).</summary>
    void ReceiveRetransmission();

    void Abandon();
}
