using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Transactions;

namespace DeskPhone.Sip.Subscriptions;

/// <summary>
/// A subscription of ours that the agent hands the requests of its dialog to: found by Call-ID
/// and our tag alone, since the notifier's tag may not be known when its first NOTIFY arrives
/// (RFC 6665 §4.1.2.4). THREAD: signalling loop.
/// </summary>
internal interface ISubscriberDialog
{
    /// <summary>Answers a request whose Call-ID and To tag are this subscription's.</summary>
    void ReceiveRequest(SipRequest request, IServerTransaction transaction);
}
