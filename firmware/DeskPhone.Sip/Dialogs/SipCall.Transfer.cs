using DeskPhone.Sip.Auth;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Transactions;

namespace DeskPhone.Sip.Dialogs;

/// <summary>
/// Transferring the peer elsewhere (RFC 3515 REFER, RFC 5589 call-transfer practice): REFER with
/// Refer-To and Referred-By, credentials on 401/407, then the NOTIFYs that report the transferee's
/// new call until a final status or the deadline.
/// </summary>
public sealed partial class SipCall
{
    private SipRequest? refer;
    private ChallengeResponder? referChallenges;
    private ITimer? transferDeadline;

    /// <summary>Raised on every change of <see cref="TransferState"/> or <see cref="TransferStatusCode"/>. THREAD: signalling loop.</summary>
    public event Action<SipCall>? TransferProgress;

    public TransferState TransferState { get; private set; }

    /// <summary>The last status known: the REFER's final response, then each NOTIFY's sipfrag status.</summary>
    public int? TransferStatusCode { get; private set; }

    public string? TransferReason { get; private set; }

    /// <summary>
    /// The Refer-To URI that makes a transferee replace this call (attended transfer, RFC 3891):
    /// this dialog's remote URI with its Call-ID and tags as seen by that remote party.
    /// </summary>
    public string ReplacingReferTo()
    {
        var replaces = $"{dialog.CallId};to-tag={dialog.RemoteTag};from-tag={dialog.LocalTag}";
        var target = dialog.Remote.Uri;
        return $"{target}?Replaces={Uri.EscapeDataString(replaces)}";
    }

    /// <summary>Asks the peer to call <paramref name="referTo"/>; false when not connected or a transfer is under way.</summary>
    public bool Transfer(string referTo, TimeSpan deadline)
    {
        if (State != CallState.Connected || TransferState is TransferState.Requested or TransferState.Accepted)
        {
            return false;
        }

        referChallenges = agent.NewChallengeResponder();
        transferDeadline = agent.Loop.Schedule(deadline, () => FinishTransfer(TransferState.Failed, 408, "No outcome in time"));
        SendRefer(agent.TargetUri(referTo), credentials: null);
        SetTransfer(TransferState.Requested, null, null);
        return true;
    }

    private void SendRefer(string referTo, IReadOnlyList<SipHeader>? credentials)
    {
        var request = NewInDialogRequest(SipMethods.Refer, ++dialog.LocalSequence);
        request.Add("Refer-To", $"<{referTo}>");
        request.Add("Referred-By", $"<{agent.AddressOfRecord}>");
        request.Add(HeaderNames.Contact, $"<{agent.ContactUri}>");
        foreach (var header in credentials ?? [])
        {
            request.Add(header.Name, header.Value);
        }

        refer = request;
        agent.Transactions.SendRequest(request, NextHop, response => OnReferResponse(referTo, response), () => FinishTransfer(TransferState.Failed, 408, "Request Timeout"));
    }

    private void OnReferResponse(string referTo, SipResponse response)
    {
        if (response.IsProvisional || TransferState != TransferState.Requested)
        {
            return;
        }

        if (response.IsSuccess)
        {
            SetTransfer(TransferState.Accepted, response.StatusCode, response.ReasonPhrase);
        }
        else if (referChallenges!.TryAnswer(response, SipMethods.Refer, refer!.RequestUri, out var credentials))
        {
            SendRefer(referTo, credentials);
        }
        else
        {
            FinishTransfer(TransferState.Failed, response.StatusCode, response.ReasonPhrase);
        }
    }

    /// <summary>A NOTIFY for our REFER's implicit subscription (RFC 3515 §2.4.4).</summary>
    private void ReceiveReferNotify(SipRequest notify, IServerTransaction transaction)
    {
        if (TransferState is not (TransferState.Requested or TransferState.Accepted))
        {
            agent.Respond(transaction, 481, "Subscription Does Not Exist");
            return;
        }

        if (!SipFrag.TryReadStatus(notify.Body.Span, out var status, out var reason))
        {
            agent.Respond(transaction, 400, "Bad Request - no sipfrag status line");
            return;
        }

        agent.Respond(transaction, 200, "OK");
        if (status >= 200)
        {
            FinishTransfer(status < 300 ? TransferState.Succeeded : TransferState.Failed, status, reason);
        }
        else if ((notify.Get("Subscription-State") ?? string.Empty).StartsWith("terminated", StringComparison.OrdinalIgnoreCase))
        {
            FinishTransfer(TransferState.Failed, status, "Subscription ended without an outcome");
        }
        else
        {
            SetTransfer(TransferState.Accepted, status, reason);
        }
    }

    private void FinishTransfer(TransferState state, int statusCode, string reason)
    {
        if (TransferState is not (TransferState.Requested or TransferState.Accepted))
        {
            return;
        }

        transferDeadline?.Dispose();
        SetTransfer(state, statusCode, reason);
    }

    private void SetTransfer(TransferState state, int? statusCode, string? reason)
    {
        TransferState = state;
        TransferStatusCode = statusCode;
        TransferReason = reason;
        TransferProgress?.Invoke(this);
    }
}
