using System.Security.Cryptography;
using DeskPhone.Sip.Auth;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Dialogs;

/// <summary>
/// Our own re-INVITE inside an established call (RFC 3261 §14.1): the phone's new offers (hold,
/// resume, codec change) and session refreshes (RFC 4028). One INVITE at a time: an offer the
/// phone makes during a refresh waits for the refresh's outcome. Glare (491) is retried after the
/// random wait §14.1 prescribes; 408 or 481 end the dialog; 422 is retried once with the
/// peer's minimum interval.
/// </summary>
public sealed partial class SipCall
{
    private SipRequest? reInvite;
    private ReadOnlyMemory<byte> pendingOffer;
    private ReadOnlyMemory<byte>? queuedOffer;
    private bool refreshing;
    private ChallengeResponder? reInviteChallenges;
    private ITimer? glareRetry;

    /// <summary>
    /// Raised when the phone's re-INVITE has its outcome: <see cref="LastReofferStatus"/> is the
    /// final status code (2xx: the new session applies and <see cref="RemoteSdp"/> holds the
    /// answer). Session refreshes do not raise it. THREAD: signalling loop.
    /// </summary>
    public event Action<SipCall>? ReofferCompleted;

    public int? LastReofferStatus { get; private set; }

    /// <summary>True from <see cref="Reoffer"/> until <see cref="ReofferCompleted"/>.</summary>
    public bool ReofferInProgress => queuedOffer is not null || (!refreshing && (reInvite is not null || glareRetry is not null));

    /// <summary>Sends a new offer to the peer; false when the call is not connected or one is already under way.</summary>
    public bool Reoffer(ReadOnlyMemory<byte> offer)
    {
        if (State != CallState.Connected || ReofferInProgress)
        {
            return false;
        }

        queuedOffer = offer;
        if (reInvite is null && glareRetry is null)
        {
            SendQueuedOffer();
        }

        return true;
    }

    private void SendQueuedOffer()
    {
        pendingOffer = queuedOffer!.Value;
        queuedOffer = null;
        refreshing = false;
        reInviteChallenges = agent.NewChallengeResponder();
        SendReInvite(credentials: null);
    }

    /// <summary>The refresh re-INVITE offers our last session description again (see the remarks on session timers).</summary>
    private void StartRefreshReInvite()
    {
        pendingOffer = localSdp;
        refreshing = true;
        reInviteChallenges = agent.NewChallengeResponder();
        SendReInvite(credentials: null);
    }

    private void SendReInvite(IReadOnlyList<SipHeader>? credentials)
    {
        glareRetry = null;
        var request = NewInDialogRequest(SipMethods.Invite, ++dialog.LocalSequence);
        request.Add(HeaderNames.Contact, $"<{agent.ContactUri}>");
        request.Add(HeaderNames.Allow, SipMethods.Allowed);
        AddSessionTimerHeaders(request, initial: false);
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
            RefreshTarget(response);
            localSdp = pendingOffer;
            ApplyGrantedInterval(response);
            SetRemoteSdp(response);
            OnReInviteFinal(response.StatusCode);
        }
        else if (reInviteChallenges!.TryAnswer(response, SipMethods.Invite, reInvite.RequestUri, out var credentials))
        {
            SendReInvite(credentials);
        }
        else if (response.StatusCode == 422 && TryRaiseInterval(response))
        {
            SendReInvite(credentials: null);
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
        var wasRefresh = refreshing;
        refreshing = false;
        if (!wasRefresh)
        {
            LastReofferStatus = statusCode;
            ReofferCompleted?.Invoke(this);
        }

        // §14.1: a 481 or 408 to a re-INVITE means the dialog is gone.
        if (statusCode is 408 or 481 && State == CallState.Connected)
        {
            SendBye();
            End(CallEndReason.Timeout, statusCode, statusCode == 408 ? "Request Timeout" : "Call Does Not Exist");
            return;
        }

        if (State != CallState.Connected || reInvite is not null || glareRetry is not null)
        {
            return;
        }

        if (queuedOffer is not null)
        {
            SendQueuedOffer();
        }
        else if (refreshDue)
        {
            refreshDue = false;
            RefreshSession();
        }
    }
}
