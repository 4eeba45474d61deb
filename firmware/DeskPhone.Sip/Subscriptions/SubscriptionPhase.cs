namespace DeskPhone.Sip.Subscriptions;

/// <summary>Where a <see cref="MessageWaitingSubscription"/> stands.</summary>
public enum SubscriptionPhase
{
    /// <summary>Not started, or stopped.</summary>
    Idle,

    /// <summary>A SUBSCRIBE is on its way and no answer has accepted it yet.</summary>
    Subscribing,

    /// <summary>Accepted (a 2xx) or notified (active or pending); refreshed before it expires.</summary>
    Active,

    /// <summary>The last attempt failed; another follows after a back-off (<see cref="MessageWaitingSubscription.RetryAt"/>).</summary>
    Retrying,

    /// <summary>
    /// The server has no message-summary package (489, 405 or 501) or ended the subscription
    /// for good (terminated with reason rejected or noresource, RFC 6665 §4.1.3): no more
    /// attempts until the next Start.
    /// </summary>
    Refused,
}
