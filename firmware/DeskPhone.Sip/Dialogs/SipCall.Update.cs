using System.Globalization;
using System.Security.Cryptography;
using DeskPhone.Sip.Agent;
using DeskPhone.Sip.Auth;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Transactions;

namespace DeskPhone.Sip.Dialogs;

/// <summary>
/// UPDATE (RFC 3311): the peer's, answered like a re-INVITE but in one non-INVITE transaction;
/// ours, sent without a body as the session refresh when the peer allows UPDATE (RFC 4028 §7.4).
/// </summary>
public sealed partial class SipCall
{
    private ChallengeResponder? updateChallenges;

    /// <summary>Our 2xx to an INVITE or re-INVITE without SDP carried our offer; its answer comes in the ACK.</summary>
    private bool offerAwaitingAck;

    private void ReceiveUpdate(SipRequest request, IServerTransaction transaction)
    {
        switch (State)
        {
            case CallState.Connected:
                AnswerUpdate(request, transaction);
                break;
            case CallState.Incoming or CallState.Calling or CallState.Ringing:
                AnswerEarlyUpdate(request, transaction);
                break;
            default:
                agent.Respond(transaction, 481, "Call/Transaction Does Not Exist");
                break;
        }
    }

    /// <summary>
    /// An UPDATE in a confirmed dialog (RFC 3311 §5.2): an offer goes to <see cref="OfferHandler"/>
    /// like a re-INVITE's (200 with the answer, or 488); without one it refreshes the target and
    /// the session. An offer while one of ours awaits its answer is glare (491).
    /// </summary>
    private void AnswerUpdate(SipRequest request, IServerTransaction transaction)
    {
        if (SessionIntervals.Refuse(request) is { } refusal)
        {
            transaction.Respond(refusal);
            return;
        }

        var hasOffer = !request.Body.IsEmpty;
        if (hasOffer && (reInvite is not null || offerAwaitingAck))
        {
            agent.Respond(transaction, 491, "Request Pending");
            return;
        }

        ReadOnlyMemory<byte>? answer = null;
        if (hasOffer)
        {
            answer = OfferHandler is null ? localSdp : OfferHandler(request.Body);
            if (answer is null)
            {
                agent.Respond(transaction, 488, "Not Acceptable Here");
                return;
            }
        }

        RefreshTarget(request);
        var response = ResponseFactory.Create(request, 200, "OK");
        response.Add(HeaderNames.Contact, $"<{agent.ContactUri}>");
        GrantInterval(request, response, PreferredForPeerRefresh);
        if (answer is { } body)
        {
            localSdp = body;
            AddBody(response, body);
        }

        transaction.Respond(response);
        if (hasOffer)
        {
            SetRemoteSdp(request);
        }
    }

    /// <summary>
    /// An UPDATE in an early dialog. Without SDP it is a target refresh (200). With an offer, §5.2:
    /// while the INVITE's own offer waits for our answer, 500 with a Retry-After of 0–10 s; while
    /// ours waits for theirs (or no exchange has completed, which §5.1 forbids the peer to ignore), 491.
    /// </summary>
    private void AnswerEarlyUpdate(SipRequest request, IServerTransaction transaction)
    {
        if (!request.Body.IsEmpty)
        {
            if (Direction == CallDirection.Incoming && !RemoteSdp.IsEmpty)
            {
                var pending = ResponseFactory.Create(request, 500, "Server Internal Error - offer pending");
                pending.Add(HeaderNames.RetryAfter, RandomNumberGenerator.GetInt32(0, 11).ToString(CultureInfo.InvariantCulture));
                transaction.Respond(pending);
            }
            else
            {
                agent.Respond(transaction, 491, "Request Pending");
            }

            return;
        }

        // Forks share a calling dialog's state until a 2xx picks one: only the callee's side refreshes its target here.
        if (Direction == CallDirection.Incoming)
        {
            RefreshTarget(request);
        }

        var response = ResponseFactory.Create(request, 200, "OK");
        response.Add(HeaderNames.Contact, $"<{agent.ContactUri}>");
        transaction.Respond(response);
    }

    /// <summary>A target refresh request or its 2xx moves the remote target to its Contact (RFC 3261 §12.2).</summary>
    private void RefreshTarget(SipMessage message)
    {
        if (NameAddress.TryParse(message.GetAll(HeaderNames.Contact).FirstOrDefault(), out var contact))
        {
            dialog.RemoteTarget = contact.Uri;
        }
    }

    /// <summary>The session refresh as an UPDATE without body (RFC 4028 §7.4, RFC 3311 §5.1).</summary>
    private void SendUpdateRefresh(IReadOnlyList<SipHeader>? credentials)
    {
        var request = NewInDialogRequest(SipMethods.Update, ++dialog.LocalSequence);
        request.Add(HeaderNames.Contact, $"<{agent.ContactUri}>");
        AddSessionTimerHeaders(request, initial: false);
        foreach (var header in credentials ?? [])
        {
            request.Add(header.Name, header.Value);
        }

        agent.Transactions.SendRequest(request, NextHop, response => OnUpdateResponse(request, response), () => OnRefreshFailed(408));
    }

    private void OnUpdateResponse(SipRequest update, SipResponse response)
    {
        if (response.IsProvisional || State != CallState.Connected)
        {
            return;
        }

        if (response.IsSuccess)
        {
            RefreshTarget(response);
            ApplyGrantedInterval(response);
        }
        else if (updateChallenges!.TryAnswer(response, SipMethods.Update, update.RequestUri, out var credentials))
        {
            SendUpdateRefresh(credentials);
        }
        else if (response.StatusCode == 422 && TryRaiseInterval(response))
        {
            SendUpdateRefresh(credentials: null);
        }
        else if (response.StatusCode is 405 or 501)
        {
            // The peer's Allow promised UPDATE; refresh with a re-INVITE from now on.
            peerAllowsUpdate = false;
            RefreshSession();
        }
        else
        {
            OnRefreshFailed(response.StatusCode);
        }
    }

    /// <summary>
    /// §10: a refresh that times out or meets 408 or 481 means the dialog is gone; any other
    /// failure leaves the session to expire unless a later request refreshes it.
    /// </summary>
    private void OnRefreshFailed(int statusCode)
    {
        if (statusCode is 408 or 481 && State == CallState.Connected)
        {
            SendBye();
            End(CallEndReason.Timeout, statusCode, statusCode == 408 ? "Request Timeout" : "Call Does Not Exist");
        }
    }
}
