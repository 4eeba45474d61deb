using DeskPhone.Sip.Agent;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Transactions;

namespace DeskPhone.Sip.Dialogs;

/// <summary>Requests the peer sends inside a dialog (RFC 3261 §12.2.2, §14.2, §15.1.2; UPDATE, RFC 3311), early or established.</summary>
public sealed partial class SipCall
{
    internal void ReceiveInDialog(SipRequest request, IServerTransaction transaction)
    {
        if (Direction == CallDirection.Outgoing && dialog.RemoteTag is null)
        {
            ReceiveInEarlyDialog(request, transaction);
            return;
        }

        // An early dialog of another fork, once a 2xx chose this one.
        if (dialog.RemoteTag is not null && request.From.Tag != dialog.RemoteTag)
        {
            agent.Respond(transaction, 481, "Call/Transaction Does Not Exist");
            return;
        }

        // §12.2.2: a CSeq lower than the last one seen is out of order.
        var sequence = request.CSeq.Number;
        if (dialog.RemoteSequence is { } last && sequence < last)
        {
            agent.Respond(transaction, 500, "Server Internal Error - CSeq out of order");
            return;
        }

        dialog.RemoteSequence = sequence;
        switch (request.Method)
        {
            case SipMethods.Bye:
                agent.Respond(transaction, 200, "OK");
                End(CallEndReason.RemoteHangup);
                break;
            case SipMethods.Invite when State == CallState.Connected && reInvite is null:
                AnswerReInvite(request, transaction);
                break;
            case SipMethods.Invite:
                agent.Respond(transaction, 491, "Request Pending");
                break;
            case SipMethods.Update:
                ReceiveUpdate(request, transaction);
                break;
            case SipMethods.Refer:
                ReceiveRefer(request, transaction);
                break;
            case SipMethods.Notify when (request.Get("Event") ?? string.Empty).StartsWith("refer", StringComparison.OrdinalIgnoreCase):
                ReceiveReferNotify(request, transaction);
                break;
            case SipMethods.Info:
                ReceiveInfo(request, transaction);
                break;
            case SipMethods.Options:
                agent.Respond(transaction, 200, "OK");
                break;
            default:
                agent.Respond(transaction, 405, "Method Not Allowed");
                break;
        }
    }

    /// <summary>
    /// Answers the peer's new offer (hold, resume, codec change). Set by the phone; returns the
    /// answer, or null to refuse the change with 488 (the session stays as it was). An empty
    /// offer means a re-INVITE without SDP: the handler returns our offer, and the answer comes in
    /// the ACK (§14.2). Without a handler the current session description is repeated.
    /// THREAD: signalling loop.
    /// </summary>
    public Func<ReadOnlyMemory<byte>, ReadOnlyMemory<byte>?>? OfferHandler { get; set; }

    /// <summary>
    /// A target refresh or session change (§14.2): the remote target follows the new Contact and
    /// the 2xx is retransmitted until ACKed like the first one.
    /// </summary>
    private void AnswerReInvite(SipRequest request, IServerTransaction transaction)
    {
        if (SessionIntervals.Refuse(request) is { } refusal)
        {
            transaction.Respond(refusal);
            return;
        }

        var answer = OfferHandler is null ? localSdp : OfferHandler(request.Body);
        if (answer is not { } body)
        {
            agent.Respond(transaction, 488, "Not Acceptable Here");
            return;
        }

        RefreshTarget(request);
        localSdp = body;
        var response = ResponseFactory.Create(request, 200, "OK");
        response.Add(HeaderNames.Contact, $"<{agent.ContactUri}>");
        response.Add(HeaderNames.Allow, SipMethods.Allowed);
        GrantInterval(request, response, PreferredForPeerRefresh);
        AddBody(response, body);
        offerAwaitingAck = request.Body.IsEmpty;
        transaction.Respond(response);
        RetransmitUntilAcked(response, ((ServerInviteTransaction)transaction).ResponseDestination, request.CSeq.Number);
        SetRemoteSdp(request);
    }

    /// <summary>
    /// A request in an early dialog of our INVITE (the callee's UPDATE, RFC 3311 §5.1). Forks
    /// share this call until a 2xx picks one, so the dialog's sequence numbers are left alone.
    /// </summary>
    private void ReceiveInEarlyDialog(SipRequest request, IServerTransaction transaction)
    {
        switch (request.Method)
        {
            case SipMethods.Update:
                ReceiveUpdate(request, transaction);
                break;
            case SipMethods.Info when State != CallState.Ended:
                ReceiveInfo(request, transaction);
                break;
            case SipMethods.Options when State != CallState.Ended:
                agent.Respond(transaction, 200, "OK");
                break;
            default:
                agent.Respond(transaction, 481, "Call/Transaction Does Not Exist");
                break;
        }
    }
}
