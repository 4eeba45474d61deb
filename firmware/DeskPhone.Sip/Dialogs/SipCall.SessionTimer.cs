using System.Globalization;
using DeskPhone.Sip.Messages;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Sip.Dialogs;

/// <summary>
/// Session timers (RFC 4028): every 2xx to an INVITE, re-INVITE or UPDATE settles the session
/// interval and who refreshes it. The refresher sends a refresh at half the interval (§10): an
/// UPDATE without body when the peer allows UPDATE, otherwise a re-INVITE offering our last
/// session description again. Either side ends the call with BYE when no refresh has succeeded
/// by the interval minus the lesser of 32 s and a third of it (§10). The phone is not involved.
/// </summary>
/// <remarks>
/// The refresh re-INVITE repeats the bytes of the last session description we sent, origin
/// version included. RFC 3264 §8 allows that: an offer whose o= version does not increase must
/// be identical to the one sent with that version, and it is; RFC 4028 §7.4 asks for exactly
/// such an unchanged offer. Keeping the bytes keeps this layer from parsing SDP (the version
/// would have to be rewritten inside it) and cannot disturb the media, since nothing changed.
/// </remarks>
public sealed partial class SipCall
{
    private SessionExpires? sessionInterval;
    private bool weRefresh;
    private int minimumInterval = SessionIntervals.MinimumSeconds;
    private int requestedInterval = SessionIntervals.RequestedSeconds;
    private bool intervalRaised;
    private bool peerAllowsUpdate;
    private ITimer? refreshTimer;
    private ITimer? expiryTimer;

    /// <summary>The refresh timer fired while a re-INVITE was under way; the refresh follows its outcome.</summary>
    private bool refreshDue;

    /// <summary>The negotiated session interval, or null when no session timer runs.</summary>
    internal TimeSpan? SessionInterval => sessionInterval is { } interval ? TimeSpan.FromSeconds(interval.Seconds) : null;

    /// <summary>True when this side refreshes the session (RFC 4028 refresher).</summary>
    internal bool RefreshesSession => sessionInterval is not null && weRefresh;

    /// <summary>Supported, and the interval a request asks for: the running one, or for the first INVITE ours (§7.1, §7.4).</summary>
    private void AddSessionTimerHeaders(SipRequest request, bool initial)
    {
        request.Add(HeaderNames.Supported, SipOptionTags.SupportedList);
        SessionExpires asked;
        if (initial)
        {
            // No refresher: the UAS picks one (§7.1).
            asked = new SessionExpires(Math.Max(requestedInterval, minimumInterval), null);
        }
        else if (sessionInterval is { } running)
        {
            // Whoever refreshes keeps doing so: "uac" names us, the client of this request.
            asked = new SessionExpires(Math.Max(running.Seconds, minimumInterval), weRefresh ? SessionRefresher.Uac : SessionRefresher.Uas);
        }
        else
        {
            return;
        }

        request.Add(HeaderNames.SessionExpires, asked.ToString());
        request.Add(HeaderNames.MinSessionExpires, minimumInterval.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The 2xx to our INVITE, re-INVITE or UPDATE settles the timer (§7.2): none when it names no interval.</summary>
    private void ApplyGrantedInterval(SipResponse response)
    {
        NotePeerMethods(response);
        if (SessionExpires.TryRead(response, out var granted, out _))
        {
            // A missing refresher breaks §9; refreshing ourselves keeps the session alive either way.
            StartSessionTimer(granted.Seconds, granted.Refresher != SessionRefresher.Uas);
        }
        else
        {
            StopSessionTimer();
        }
    }

    /// <summary>Our 2xx to the peer's INVITE, re-INVITE or UPDATE states the interval (§9) and starts the timer.</summary>
    private void GrantInterval(SipRequest request, SipResponse response, SessionRefresher preferred)
    {
        NotePeerMethods(request);
        minimumInterval = Math.Max(minimumInterval, SessionExpires.ReadMinimum(request) ?? 0);
        response.Add(HeaderNames.Supported, SipOptionTags.SupportedList);
        if (SessionIntervals.Grant(request, preferred) is not { } granted)
        {
            StopSessionTimer();
            return;
        }

        response.Add(HeaderNames.SessionExpires, granted.ToString());
        if (granted.Refresher == SessionRefresher.Uac)
        {
            // §9: the client must refresh, so it must understand the extension.
            response.Add(HeaderNames.Require, SipOptionTags.Timer);
        }

        StartSessionTimer(granted.Seconds, granted.Refresher == SessionRefresher.Uas);
    }

    /// <summary>The refresher the peer's refresh keeps when it names none: whoever refreshed so far.</summary>
    private SessionRefresher PreferredForPeerRefresh => RefreshesSession ? SessionRefresher.Uas : SessionRefresher.Uac;

    /// <summary>
    /// A 422 to our request: ask again, once, with the peer's Min-SE as interval and minimum (§7.3).
    /// False when the response gives no larger minimum or we already retried.
    /// </summary>
    private bool TryRaiseInterval(SipResponse response)
    {
        if (intervalRaised || SessionExpires.ReadMinimum(response) is not { } minimum || minimum <= minimumInterval)
        {
            return false;
        }

        intervalRaised = true;
        minimumInterval = minimum;
        requestedInterval = Math.Max(requestedInterval, minimum);
        if (sessionInterval is { } running && running.Seconds < minimum)
        {
            sessionInterval = running with { Seconds = minimum };
        }

        return true;
    }

    private void NotePeerMethods(SipMessage message)
    {
        if (message.Get(HeaderNames.Allow) is not null)
        {
            peerAllowsUpdate = message.GetAll(HeaderNames.Allow).Contains(SipMethods.Update);
        }
    }

    private void StartSessionTimer(int seconds, bool refresher)
    {
        StopSessionTimer();
        sessionInterval = new SessionExpires(seconds, refresher ? SessionRefresher.Uac : SessionRefresher.Uas);
        weRefresh = refresher;
        intervalRaised = false;
        var interval = TimeSpan.FromSeconds(seconds);
        if (refresher)
        {
            refreshTimer = agent.Loop.Schedule(interval / 2, RefreshSession);
        }

        expiryTimer = agent.Loop.Schedule(interval - TimeSpan.FromSeconds(Math.Min(32, seconds / 3.0)), ExpireSession);
    }

    private void StopSessionTimer()
    {
        sessionInterval = null;
        refreshDue = false;
        refreshTimer?.Dispose();
        refreshTimer = null;
        expiryTimer?.Dispose();
        expiryTimer = null;
    }

    private void RefreshSession()
    {
        refreshTimer = null;
        if (State != CallState.Connected || sessionInterval is null)
        {
            return;
        }

        if (peerAllowsUpdate)
        {
            updateChallenges = agent.NewChallengeResponder();
            SendUpdateRefresh(credentials: null);
        }
        else if (reInvite is null && glareRetry is null)
        {
            StartRefreshReInvite();
        }
        else
        {
            // §14.1 allows one INVITE at a time; the one under way carries Session-Expires.
            refreshDue = true;
        }
    }

    /// <summary>No refresh succeeded in time: the session is over (§10).</summary>
    private void ExpireSession()
    {
        expiryTimer = null;
        if (State != CallState.Connected)
        {
            return;
        }

        agent.Logger.LogWarning("Session of call {CallId} expired without a refresh; ending it (RFC 4028 §10)", dialog.CallId);
        SendBye();
        End(CallEndReason.Timeout, 408, "Session Expired");
    }
}
