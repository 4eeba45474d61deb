using DeskPhone.Sip.Agent;
using DeskPhone.Sip.Dialogs;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Transactions;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Sip.Subscriptions;

/// <summary>The notifier's NOTIFYs (RFC 6665 §4.1.2.4, §4.1.3; RFC 3842 §3.9).</summary>
public sealed partial class MessageWaitingSubscription
{
    /// <summary>
    /// A request in this subscription's dialog, found by Call-ID and our tag. Refusals come
    /// first, each with its code, and leave the subscription as it was; an accepted NOTIFY is
    /// answered 200 before its summary and state are acted on. THREAD: signalling loop.
    /// </summary>
    void ISubscriberDialog.ReceiveRequest(SipRequest request, IServerTransaction transaction)
    {
        if (Refusal(request) is { } refusal)
        {
            transaction.Respond(refusal);
            return;
        }

        MessageWaitingState? summary = null;
        if (!request.Body.IsEmpty && !MessageSummaryParser.TryParse(request.Body.Span, out summary, out var defect))
        {
            agent.Respond(transaction, 400, "Bad Request - " + defect);
            return;
        }

        SubscriptionStateHeader.TryParse(request.Get(SubscriptionStateHeader.Name), out var state);
        Join(request);
        notified = true;
        timerN?.Dispose();
        agent.Respond(transaction, 200, "OK");
        if (!started)
        {
            if (state.State == Substate.Terminated)
            {
                EndDialog();
            }

            return;
        }

        if (summary is not null && summary != State)
        {
            State = summary;
            MessageWaitingChanged?.Invoke(summary);
        }

        Follow(state);
    }

    /// <summary>The response refusing a request of this dialog, or null for a NOTIFY this subscription takes.</summary>
    private SipResponse? Refusal(SipRequest request)
    {
        if (request.Method != SipMethods.Notify)
        {
            var notAllowed = ResponseFactory.Create(request, 405, "Method Not Allowed");
            notAllowed.Add(HeaderNames.Allow, SipMethods.Allowed);
            return notAllowed;
        }

        // §4.1.2.4: after the first NOTIFY or the 2xx, the dialog is the one notifier's; another
        // (a fork of the SUBSCRIBE) is told the subscription does not exist.
        if (dialog?.RemoteTag is { } remoteTag && request.From.Tag != remoteTag)
        {
            return ResponseFactory.Create(request, 481, "Subscription Does Not Exist");
        }

        // §8.2.1: a NOTIFY for another event package than ours; Allow-Events says which we take.
        if (!IsMessageSummary(request.Get(HeaderNames.Event)))
        {
            var badEvent = ResponseFactory.Create(request, 489, "Bad Event");
            badEvent.Add(HeaderNames.AllowEvents, EventPackage);
            return badEvent;
        }

        // RFC 3261 §12.2.2: a lower CSeq than the last one is out of order.
        if (dialog?.RemoteSequence is { } last && request.CSeq.Number < last)
        {
            return ResponseFactory.Create(request, 500, "Server Internal Error - CSeq out of order");
        }

        // §8.2.3: every NOTIFY says the state of the subscription.
        if (!SubscriptionStateHeader.TryParse(request.Get(SubscriptionStateHeader.Name), out _))
        {
            return ResponseFactory.Create(request, 400, "Bad Request - missing or malformed Subscription-State");
        }

        // RFC 3261 §8.2.3: a body we cannot read gets 415 with what we accept.
        if (!request.Body.IsEmpty && request.Get(HeaderNames.ContentType) is { } type && !MediaType.Is(type, SummaryType))
        {
            var unsupported = ResponseFactory.Create(request, 415, "Unsupported Media Type");
            unsupported.Add(HeaderNames.Accept, SummaryType);
            return unsupported;
        }

        return null;
    }

    /// <summary>
    /// A NOTIFY before the 2xx creates the dialog, as a UAS would from a request (§4.1.2.4,
    /// RFC 3261 §12.1.1: the Record-Route in order); later ones are target refreshes.
    /// </summary>
    private void Join(SipRequest notify)
    {
        if (dialog is null)
        {
            dialog = new Dialog
            {
                CallId = callId,
                LocalTag = localTag,
                RemoteTag = notify.From.Tag,
                Local = agent.LocalIdentity(localTag),
                Remote = notify.From,
                RemoteTarget = ContactOf(notify) ?? MailboxUri,
                RouteSet = notify.GetAll(HeaderNames.RecordRoute).ToList(),
            };
        }
        else if (ContactOf(notify) is { } target)
        {
            dialog.RemoteTarget = target;
        }

        dialog.RemoteSequence = notify.CSeq.Number;
    }

    /// <summary>
    /// §4.1.3: active and pending carry the time left, which sets the next refresh; terminated
    /// ends the dialog, and its reason says whether and when to subscribe again.
    /// </summary>
    private void Follow(SubscriptionStateHeader state)
    {
        if (state.State != Substate.Terminated)
        {
            if (state.State == Substate.Active)
            {
                immediateResubscriptions = 0;
            }

            if (state.Expires is { } expires)
            {
                ScheduleRefresh(expires);
            }

            SetPhase(SubscriptionPhase.Active);
            return;
        }

        EndDialog();
        var retryAfter = state.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        switch (state.Reason)
        {
            case "deactivated" or "timeout" when immediateResubscriptions < MaxImmediateResubscriptions:
                // The notifier moved or let the subscription lapse: a new one at once.
                immediateResubscriptions++;
                logger.LogInformation("Message-waiting subscription terminated ({Reason}); subscribing again", state.Reason);
                SubscribeAnew();
                break;
            case "rejected" or "noresource":
                Refuse("terminated;reason=" + state.Reason);
                break;
            default:
                // probation, giveup, or no or an unknown reason: later, no sooner than retry-after.
                OnFailure("terminated;reason=" + (state.Reason ?? "(none)"), retryAfter);
                break;
        }
    }

    /// <summary>The Event header names message-summary (its parameters, such as id, do not matter here).</summary>
    private static bool IsMessageSummary(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        var package = (semicolon < 0 ? value : value[..semicolon]).Trim();
        return package.Equals(EventPackage, StringComparison.OrdinalIgnoreCase);
    }
}
