using System.Security.Cryptography;
using DeskPhone.Sip.Auth;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Dialogs;

/// <summary>
/// Our own re-INVITE inside an established call (RFC 3261 §14.1): hold, resume, codec change.
/// Glare (491) is retried after the random wait §14.1 prescribes; 408 or 481 end the dialog.
/// </summary>
public sealed partial class SipCall
{
    private SipRequest? reInvite;
    private ReadOnlyMemory<byte> pendingOffer;
    private ChallengeResponder? reInviteChallenges;
    private ITimer? glareRetry;

    /// <summary>
    /// Raised when our re-INVITE has its outcome: <see cref="LastReofferStatus"/> is the final
    /// status code (2xx: the new session applies and <see cref="RemoteSdp"/> holds the answer).
    /// THREAD: signalling loop.
    /// </summary>
    public event Action<SipCall>? ReofferCompleted;

    public int? LastReofferStatus { get; private set; }

    public bool ReofferInProgress => reInvite is not null || glareRetry is not null;

    /// <summary>Sends a new offer to the peer; false when the call is not connected or one is already under way.</summary>
    public bool Reoffer(ReadOnlyMemory<byte> offer)
    {
        if (State != CallState.Connected || ReofferInProgress)
        {
            return false;
        }

        pendingOffer = offer;
        reInviteChallenges = agent.NewChallengeResponder();
        SendReInvite(credentials: null);
        return true;
    }

    private void SendReInvite(IReadOnlyList<SipHeader>? credentials)
    {
        glareRetry = null;
        var request = NewInDialogRequest(SipMethods.Invite, ++dialog.LocalSequence);
        request.Add(HeaderNames.Contact, $"<{agent.ContactUri}>");
        request.Add(HeaderNames.Allow, SipMethods.Allowed);
        foreach (var header in credentials ?? [])
        {
            request.Add(header.Name, header.Value);
        }

        AddBody(request, pendingOffer);
        reInvite = request;
        agent.Transactions.SendRequest(request, NextHop, OnReInviteResponse, () => OnReInviteFinal(408));
    }

    private void OnReInviteResponse(SipResponse response)
    {
        if (response.IsProvisional || reInvite is null)
        {
            return;
        }

        if (response.IsSuccess)
        {
            var acked = NewInDialogRequest(SipMethods.Ack, reInvite.CSeq.Number);
            ackFor2xx = acked.ToBytes();
            ackedSequence = reInvite.CSeq.Number;
            agent.Transactions.Context.Send(ackFor2xx, NextHop);
            if (NameAddress.TryParse(response.GetAll(HeaderNames.Contact).FirstOrDefault(), out var contact))
            {
                dialog.RemoteTarget = contact.Uri;
            }

            localSdp = pendingOffer;
            SetRemoteSdp(response);
            OnReInviteFinal(response.StatusCode);
        }
        else if (reInviteChallenges!.TryAnswer(response, SipMethods.Invite, reInvite.RequestUri, out var credentials))
        {
            SendReInvite(credentials);
        }
        else if (response.StatusCode == 491)
        {
            // §14.1: the owner of the Call-ID (the dialog's UAC) waits 2.1–4 s, the other 0–2 s.
            var milliseconds = Direction == CallDirection.Outgoing ? RandomNumberGenerator.GetInt32(2100, 4001) : RandomNumberGenerator.GetInt32(0, 2001);
            reInvite = null;
            glareRetry = agent.Loop.Schedule(TimeSpan.FromMilliseconds(milliseconds), () =>
            {
                if (State == CallState.Connected)
                {
                    SendReInvite(credentials: null);
                }
            });
        }
        else
        {
            OnReInviteFinal(response.StatusCode);
        }
    }

    private void OnReInviteFinal(int statusCode)
    {
        reInvite = null;
        LastReofferStatus = statusCode;
        ReofferCompleted?.Invoke(this);

        // §14.1: a 481 or 408 to a re-INVITE means the dialog is gone.
        if (statusCode is 408 or 481 && State == CallState.Connected)
        {
            SendBye();
            End(CallEndReason.Timeout, statusCode, statusCode == 408 ? "Request Timeout" : "Call Does Not Exist");
        }
    }
}
