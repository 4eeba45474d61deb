using DeskPhone.Sip.Agent;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Dialogs;

/// <summary>
/// The session-timer negotiation of RFC 4028 as the server of an INVITE, re-INVITE or UPDATE
/// applies it (§9): refuse an interval below our minimum (422), or settle the interval and the
/// refresher our 2xx states. Pure functions of the request; the call runs the timers.
/// </summary>
internal static class SessionIntervals
{
    /// <summary>Our Min-SE: the least interval we accept, RFC 4028 §5's floor of 90 s.</summary>
    public const int MinimumSeconds = 90;

    /// <summary>The interval our INVITE asks for: RFC 4028 §4 recommends 1800 s.</summary>
    public const int RequestedSeconds = 1800;

    /// <summary>True when the message's UA implements RFC 4028 (Supported or Require names "timer").</summary>
    public static bool SupportsTimer(SipMessage message) =>
        message.GetAll(HeaderNames.Supported).Concat(message.GetAll(HeaderNames.Require)).Contains(SipOptionTags.Timer);

    /// <summary>
    /// The refusal of a request whose Session-Expires cannot be honoured, or null: 400 when the
    /// value is malformed; 422 with our Min-SE when it is below our minimum and the client
    /// supports timers, so it can retry with a larger one (§9). A client without timer support
    /// could not retry: its interval is raised in <see cref="Grant"/> instead (RFC 4028 erratum 1687).
    /// </summary>
    public static SipResponse? Refuse(SipRequest request)
    {
        if (!SessionExpires.TryRead(request, out var asked, out var malformed))
        {
            return malformed ? ResponseFactory.Create(request, 400, "Bad Request - malformed Session-Expires", NewTagIfNone(request)) : null;
        }

        if (asked.Seconds >= MinimumSeconds || !SupportsTimer(request))
        {
            return null;
        }

        var response = ResponseFactory.Create(request, 422, "Session Interval Too Small", NewTagIfNone(request));
        response.Add(HeaderNames.MinSessionExpires, MinimumSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }

    /// <summary>
    /// The Session-Expires our 2xx carries (§9), or null when the request asked for no session
    /// timer. The interval is the one asked for, raised to the larger of both minimums; the
    /// refresher is the one asked for, else <paramref name="preferred"/>, and always the UAS
    /// when the client does not implement timers (it could not refresh).
    /// </summary>
    public static SessionExpires? Grant(SipRequest request, SessionRefresher preferred)
    {
        if (!SessionExpires.TryRead(request, out var asked, out _))
        {
            return null;
        }

        var floor = Math.Max(MinimumSeconds, SessionExpires.ReadMinimum(request) ?? 0);
        var refresher = SupportsTimer(request) ? asked.Refresher ?? preferred : SessionRefresher.Uas;
        return new SessionExpires(Math.Max(asked.Seconds, floor), refresher);
    }

    /// <summary>A final response outside a dialog carries a To tag (RFC 3261 §8.2.6.2); one inside keeps the dialog's.</summary>
    private static string? NewTagIfNone(SipRequest request) => request.To.Tag is null ? Identifiers.NewTag() : null;
}
