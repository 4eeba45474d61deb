using System.Globalization;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Transactions;

namespace DeskPhone.Sip.Dialogs;

/// <summary>Being transferred: the peer's in-dialog REFER (RFC 3515 §2.4) and the NOTIFYs we owe it.</summary>
public sealed partial class SipCall
{
    /// <summary>
    /// The peer asks us to call elsewhere; the REFER is already accepted (202). Without a handler
    /// the REFER is refused (603). THREAD: signalling loop.
    /// </summary>
    public event Action<SipCall, IncomingTransfer>? TransferRequested;

    /// <summary>For an incoming INVITE with Replaces (RFC 3891): the call it takes over.</summary>
    public SipCall? Replaces { get; internal set; }

    /// <summary>The dialog as a Replaces header value seen from the peer (for tests and diagnostics).</summary>
    internal (string CallId, string LocalTag, string? RemoteTag) DialogId => (dialog.CallId, dialog.LocalTag, dialog.RemoteTag);

    private void ReceiveRefer(SipRequest request, IServerTransaction transaction)
    {
        if (State != CallState.Connected || TransferRequested is null)
        {
            agent.Respond(transaction, 603, "Decline");
            return;
        }

        if (!IncomingTransfer.TryParseReferTo(request.Get("Refer-To"), out var target, out var replaces))
        {
            agent.Respond(transaction, 400, "Bad Request - malformed Refer-To");
            return;
        }

        agent.Respond(transaction, 202, "Accepted");
        var transfer = new IncomingTransfer(this, target, replaces, request.Get("Referred-By"));

        // RFC 3515 §2.4.4: the first NOTIFY follows the 202 at once.
        transfer.Report(100, "Trying");
        TransferRequested(this, transfer);
    }

    internal void SendReferNotify(int statusCode, string reason, bool final)
    {
        if (State == CallState.Ended)
        {
            return;
        }

        var notify = NewInDialogRequest(SipMethods.Notify, ++dialog.LocalSequence);
        notify.Add("Event", "refer");
        notify.Add("Subscription-State", final ? "terminated;reason=noresource" : "active;expires=" + 60.ToString(CultureInfo.InvariantCulture));
        notify.Add(HeaderNames.Contact, $"<{agent.ContactUri}>");
        notify.Add(HeaderNames.ContentType, SipFrag.ContentType);
        notify.Body = SipFrag.Status(statusCode, reason);
        agent.Transactions.SendRequest(notify, NextHop, _ => { }, () => { });
    }
}
