using DeskPhone.Sip.Agent;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Transactions;

namespace DeskPhone.Sip.Dialogs;

/// <summary>Requests the peer sends inside an established dialog (RFC 3261 §12.2.2, §14.2, §15.1.2).</summary>
public sealed partial class SipCall
{
    internal void ReceiveInDialog(SipRequest request, IServerTransaction transaction)
    {
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
            case SipMethods.Invite when State == CallState.Connected:
                AnswerReInvite(request, transaction);
                break;
            case SipMethods.Invite:
                agent.Respond(transaction, 491, "Request Pending");
                break;
            case SipMethods.Options or SipMethods.Info:
                agent.Respond(transaction, 200, "OK");
                break;
            default:
                agent.Respond(transaction, 405, "Method Not Allowed");
                break;
        }
    }

    /// <summary>
    /// A target refresh or session change (§14.2): the remote target follows the new Contact and
    /// the answer repeats our current session description.
    /// </summary>
    private void AnswerReInvite(SipRequest request, IServerTransaction transaction)
    {
        if (NameAddress.TryParse(request.GetAll(HeaderNames.Contact).FirstOrDefault(), out var contact))
        {
            dialog.RemoteTarget = contact.Uri;
        }

        var response = ResponseFactory.Create(request, 200, "OK");
        response.Add(HeaderNames.Contact, $"<{agent.ContactUri}>");
        AddBody(response, localSdp);
        transaction.Respond(response);
        SetRemoteSdp(request);
    }
}
