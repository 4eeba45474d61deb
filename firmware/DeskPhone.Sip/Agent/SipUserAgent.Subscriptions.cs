using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Subscriptions;
using DeskPhone.Sip.Transactions;

namespace DeskPhone.Sip.Agent;

/// <summary>Subscriptions of ours (RFC 6665): their NOTIFYs reach them by Call-ID and our tag.</summary>
public sealed partial class SipUserAgent
{
    private readonly Dictionary<string, ISubscriberDialog> subscriptions = new(StringComparer.Ordinal);

    internal void TrackSubscription(string callId, string localTag, ISubscriberDialog subscription) =>
        subscriptions[SubscriptionKey(callId, localTag)] = subscription;

    internal void ForgetSubscription(string callId, string localTag) => subscriptions.Remove(SubscriptionKey(callId, localTag));

    /// <summary>Hands an in-dialog request to the subscription whose Call-ID and tag it names; false when none does.</summary>
    private bool TryDeliverToSubscription(SipRequest request, IServerTransaction transaction)
    {
        if (request.To.Tag is not { } toTag || !subscriptions.TryGetValue(SubscriptionKey(request.CallId, toTag), out var subscription))
        {
            return false;
        }

        subscription.ReceiveRequest(request, transaction);
        return true;
    }

    private static string SubscriptionKey(string callId, string localTag) => callId + "|" + localTag;
}
