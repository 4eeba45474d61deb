using DeskPhone.Sip.Agent;
using DeskPhone.Sip.Auth;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Dialogs;

/// <summary>
/// The caller's side (RFC 3261 §13.2): INVITE, authentication, 422 (RFC 4028 §7.3), CANCEL, ACK
/// for 2xx; the early dialogs provisional responses create, so an UPDATE in one finds the call.
/// </summary>
public sealed partial class SipCall
{
    private SipRequest? invite;
    private bool provisionalReceived;
    private bool cancelRequested;
    private byte[]? ackFor2xx;
    private uint ackedSequence;
    private ChallengeResponder? challenges;
    private IReadOnlyList<SipHeader> transferHeaders = [];
    private IReadOnlyList<SipHeader> inviteAuthorization = [];
    private readonly List<string> earlyDialogKeys = [];

    /// <param name="transferHeaders">Replaces and Referred-By when this call carries out a transfer (RFC 3891, RFC 3892).</param>
    internal static SipCall StartOutgoing(SipUserAgent agent, string targetUri, ReadOnlyMemory<byte> offer, IReadOnlyList<SipHeader> transferHeaders)
    {
        var localTag = Identifiers.NewTag();
        var dialog = new Dialog
        {
            CallId = Identifiers.NewCallId(),
            LocalTag = localTag,
            Local = agent.LocalIdentity(localTag),
            Remote = new NameAddress(null, targetUri, new Dictionary<string, string?>()),
            LocalSequence = Identifiers.NewSequence(),
            RemoteTarget = targetUri,
        };
        var call = new SipCall(agent, CallDirection.Outgoing, dialog) { State = CallState.Calling };
        call.localSdp = offer;
        call.transferHeaders = transferHeaders;
        call.SendInvite(authorization: null);
        return call;
    }

    private void SendInvite(IReadOnlyList<SipHeader>? authorization)
    {
        var request = agent.NewRequest(SipMethods.Invite, dialog.RemoteTarget, dialog.Local, dialog.Remote, dialog.CallId, dialog.LocalSequence);
        request.Add(HeaderNames.Contact, $"<{agent.ContactUri}>");
        request.Add(HeaderNames.Allow, SipMethods.Allowed);
        AddSessionTimerHeaders(request, initial: true);
        inviteAuthorization = authorization ?? [];
        foreach (var header in transferHeaders.Concat(inviteAuthorization))
        {
            request.Add(header.Name, header.Value);
        }

        AddBody(request, localSdp);
        invite = request;
        provisionalReceived = false;
        agent.SendOutOfDialog(request, OnInviteResponse, () => End(CallEndReason.Timeout, 408, "Request Timeout"));
    }

    /// <summary>Hangs up: CANCEL before an answer (§9.1), BYE after (§15.1).</summary>
    public void Hangup()
    {
        switch (State)
        {
            case CallState.Calling or CallState.Ringing:
                cancelRequested = true;
                if (provisionalReceived)
                {
                    SendCancel();
                }

                End(CallEndReason.LocalHangup);
                break;
            case CallState.Incoming:
                Reject(486, "Busy Here");
                break;
            case CallState.Connected:
                SendBye();
                End(CallEndReason.LocalHangup);
                break;
        }
    }

    private void OnInviteResponse(SipResponse response)
    {
        if (response.IsProvisional)
        {
            OnProvisional(response);
        }
        else if (response.IsSuccess)
        {
            OnInviteSuccess(response);
        }
        else if (response.StatusCode is 401 or 407 && !cancelRequested && TryAuthenticate(response))
        {
            return;
        }
        else if (response.StatusCode == 422 && !cancelRequested && TryRaiseInterval(response))
        {
            // §7.3: the same request with the larger interval and a new CSeq. The credentials still
            // apply; a realm that challenges again is answered again, since it accepted them once.
            dialog.LocalSequence++;
            challenges?.Reset();
            SendInvite(inviteAuthorization);
        }
        else
        {
            End(cancelRequested ? CallEndReason.LocalHangup : CallEndReason.Rejected, response.StatusCode, response.ReasonPhrase);
        }
    }

    private void OnProvisional(SipResponse response)
    {
        var firstProvisional = !provisionalReceived;
        provisionalReceived = true;
        TrackEarlyDialog(response);
        if (cancelRequested)
        {
            // §9.1: a CANCEL may only follow a provisional response.
            if (firstProvisional)
            {
                SendCancel();
            }

            return;
        }

        if (response.StatusCode is 180 or 183)
        {
            SetState(CallState.Ringing);
        }

        SetRemoteSdp(response);
    }

    private void OnInviteSuccess(SipResponse response)
    {
        dialog.RemoteTag = response.To.Tag;
        dialog.Remote = response.To;
        if (NameAddress.TryParse(response.GetAll(HeaderNames.Contact).FirstOrDefault(), out var contact))
        {
            dialog.RemoteTarget = contact.Uri;
        }

        // §12.1.2: the UAC's route set is the Record-Route of the 2xx in reverse order.
        dialog.RouteSet = response.GetAll(HeaderNames.RecordRoute).Reverse().ToList();
        agent.Track(this, dialog.Key);
        SendAckFor2xx();
        StatusCode = response.StatusCode;
        ReasonPhrase = response.ReasonPhrase;
        if (cancelRequested)
        {
            // The answer crossed our CANCEL: the call exists, so it must be ended with BYE (§15).
            SendBye();
            return;
        }

        ApplyGrantedInterval(response);
        SetRemoteSdp(response);
        SetState(CallState.Connected);
    }

    /// <summary>
    /// A provisional response with a To tag creates an early dialog (§12.1.2): requests in it
    /// (an UPDATE) must reach this call, not meet 481. The keys are forgotten with the call.
    /// </summary>
    private void TrackEarlyDialog(SipResponse response)
    {
        if (response.To.Tag is not { } tag || dialog.RemoteTag is not null)
        {
            return;
        }

        var key = Dialog.DialogKey(dialog.CallId, dialog.LocalTag, tag);
        if (!earlyDialogKeys.Contains(key))
        {
            earlyDialogKeys.Add(key);
            agent.Track(this, key);
        }
    }

    internal void ReceiveInviteSuccessRetransmission(SipResponse response)
    {
        if (ackFor2xx is not null && response.CSeq.Number == ackedSequence)
        {
            agent.Transactions.Context.Send(ackFor2xx, NextHop);
        }
    }

    /// <summary>The ACK for a 2xx is its own transaction-less request (§13.2.2.4, §17.1.1.3).</summary>
    private void SendAckFor2xx()
    {
        var ack = NewInDialogRequest(SipMethods.Ack, invite!.CSeq.Number);
        foreach (var header in invite.Headers)
        {
            if (header.Name is HeaderNames.Authorization or HeaderNames.ProxyAuthorization)
            {
                ack.Add(header.Name, header.Value);
            }
        }

        ackFor2xx = ack.ToBytes();
        ackedSequence = invite.CSeq.Number;
        agent.Transactions.Context.Send(ackFor2xx, NextHop);
    }

    /// <summary>CANCEL copies the INVITE's Request-URI, Call-ID, From, To, CSeq number, Route and top Via (§9.1).</summary>
    private void SendCancel()
    {
        var cancel = new SipRequest(SipMethods.Cancel, invite!.RequestUri);
        cancel.Add(HeaderNames.Via, invite.GetAll(HeaderNames.Via).First());
        cancel.Add(HeaderNames.MaxForwards, "70");
        cancel.Add(HeaderNames.From, invite.Get(HeaderNames.From)!);
        cancel.Add(HeaderNames.To, invite.Get(HeaderNames.To)!);
        cancel.Add(HeaderNames.CallId, invite.CallId);
        cancel.Add(HeaderNames.CSeq, new CSeq(invite.CSeq.Number, SipMethods.Cancel).ToString());
        foreach (var route in invite.GetAll(HeaderNames.Route))
        {
            cancel.Add(HeaderNames.Route, route);
        }

        // The INVITE went to the next hop in use (it sticks to the target that answered it).
        agent.Transactions.SendRequest(cancel, agent.NextHop!, _ => { }, () => { });
    }

    /// <summary>Re-sends the INVITE with credentials once per challenge (§22.2); false when we cannot.</summary>
    private bool TryAuthenticate(SipResponse response)
    {
        challenges ??= agent.NewChallengeResponder();
        if (!challenges.TryAnswer(response, SipMethods.Invite, dialog.RemoteTarget, out var credentials))
        {
            return false;
        }

        dialog.LocalSequence++;
        SendInvite(credentials);
        return true;
    }
}
