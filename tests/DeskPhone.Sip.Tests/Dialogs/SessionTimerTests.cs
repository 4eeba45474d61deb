using System.Text;
using DeskPhone.Sip.Dialogs;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Tests.Dialogs;

/// <summary>
/// Session timers (RFC 4028) on a fake clock: who refreshes, when the refresh goes out, when a
/// missing refresh ends the call, 422 both ways.
/// </summary>
public sealed class SessionTimerTests : IDisposable
{
    private const string TimerUac = "Supported: timer\r\nSession-Expires: 90;refresher=uac\r\n";
    private static readonly byte[] Offer = Encoding.ASCII.GetBytes("v=0\r\no=us 5 5 IN IP4 127.0.0.1\r\n");
    private readonly SipTestHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task IncomingCall_PeerRefreshes_Our200RequiresTimer_AndNoRefreshMeansByeAt60s()
    {
        var (call, _) = await DialogPeer.ConnectedIncomingCall(harness, TimerUac);

        var ok = harness.Transport.Responses(200).Single(r => r.CSeq.Method == SipMethods.Invite);
        Assert.Equal("90;refresher=uac", ok.Get(HeaderNames.SessionExpires));
        Assert.Contains(SipOptionTags.Timer, ok.GetAll(HeaderNames.Require));
        Assert.Contains(SipOptionTags.Timer, ok.GetAll(HeaderNames.Supported));

        // §10: the side that does not refresh ends the session at 90 − min(32, 90/3) = 60 s.
        await harness.Advance(TimeSpan.FromSeconds(59.9));
        Assert.Empty(harness.Transport.Requests(SipMethods.Bye));
        Assert.Empty(harness.Transport.Requests(SipMethods.Invite));
        Assert.Empty(harness.Transport.Requests(SipMethods.Update));
        await harness.Advance(TimeSpan.FromSeconds(0.1));

        var bye = harness.Transport.LastRequest(SipMethods.Bye);
        Assert.Equal(DialogPeer.PeerTag, bye.To.Tag);
        Assert.Equal(CallState.Ended, call.State);
        Assert.Equal((CallEndReason.Timeout, 408), (call.EndReason, call.StatusCode));
    }

    [Fact]
    public async Task IncomingCall_PeerRefreshesWithUpdate_TheSessionLastsAnotherInterval()
    {
        var (call, toTag) = await DialogPeer.ConnectedIncomingCall(harness, TimerUac);
        await harness.Advance(TimeSpan.FromSeconds(40));

        await harness.Receive(DialogPeer.InDialog(SipMethods.Update, toTag, 11, headers: TimerUac));

        var ok = harness.Transport.Responses(200).Single(r => r.CSeq.Method == SipMethods.Update);
        Assert.Equal("90;refresher=uac", ok.Get(HeaderNames.SessionExpires));
        await harness.Advance(TimeSpan.FromSeconds(59.9));
        Assert.Empty(harness.Transport.Requests(SipMethods.Bye));
        await harness.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Single(harness.Transport.Requests(SipMethods.Bye));
        Assert.Equal(CallState.Ended, call.State);
    }

    [Fact]
    public async Task IncomingCall_PeerRefreshesWithReInvite_AnsweredWithTheIntervalAndTheSessionLasts()
    {
        var (call, toTag) = await DialogPeer.ConnectedIncomingCall(harness, TimerUac);
        await harness.Advance(TimeSpan.FromSeconds(44));

        await harness.Receive(DialogPeer.InDialog(SipMethods.Invite, toTag, 11, "v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\n", TimerUac));
        await harness.Receive(DialogPeer.InDialog(SipMethods.Ack, toTag, 11));

        var ok = harness.Transport.Responses(200).Last(r => r.CSeq.Method == SipMethods.Invite);
        Assert.Equal(11u, ok.CSeq.Number);
        Assert.Equal("90;refresher=uac", ok.Get(HeaderNames.SessionExpires));
        await harness.Advance(TimeSpan.FromSeconds(59));
        Assert.Empty(harness.Transport.Requests(SipMethods.Bye));
        Assert.Equal(CallState.Connected, call.State);
    }

    [Theory]
    [InlineData("Supported: timer\r\nSession-Expires: 89\r\n")]
    [InlineData("Supported: 100rel, timer\r\nx: 30;refresher=uas\r\n")]
    public async Task IncomingInvite_IntervalBelowOurMinimum_Gets422WithMinSE_AndNeverRings(string headers)
    {
        var rang = 0;
        await harness.OnLoop(() => harness.Agent.IncomingCall += _ => rang++);

        await harness.Receive(DialogPeer.Invite(headers));

        var tooSmall = harness.Transport.Responses(422).Single();
        Assert.Equal("90", tooSmall.Get(HeaderNames.MinSessionExpires));
        Assert.NotNull(tooSmall.To.Tag);
        Assert.Equal(0, rang);
    }

    [Fact]
    public async Task IncomingInvite_MalformedSessionExpires_Gets400()
    {
        await harness.Receive(DialogPeer.Invite("Session-Expires: soon;refresher=uac\r\n"));

        Assert.Equal("Bad Request - malformed Session-Expires", harness.Transport.Responses(400).Single().ReasonPhrase);
    }

    [Fact]
    public async Task IncomingInvite_SmallIntervalFromAPeerWithoutTimers_IsRaisedAndWeRefreshWithTheSameSdp()
    {
        var answer = "v=0\r\no=us 9 9 IN IP4 127.0.0.1\r\n";
        var (call, _) = await DialogPeer.ConnectedIncomingCall(harness, "Session-Expires: 60\r\nAllow: INVITE, ACK, BYE, CANCEL\r\n", answer);

        // RFC 4028 erratum 1687: no 422 to a client that could not retry; it cannot refresh either.
        var ok = harness.Transport.Responses(200).Single(r => r.CSeq.Method == SipMethods.Invite);
        Assert.Equal("90;refresher=uas", ok.Get(HeaderNames.SessionExpires));
        Assert.Null(ok.Get(HeaderNames.Require));
        Assert.Empty(harness.Transport.Responses(422));

        await harness.Advance(TimeSpan.FromSeconds(44.9));
        Assert.Empty(harness.Transport.Requests(SipMethods.Invite));
        await harness.Advance(TimeSpan.FromSeconds(0.1));

        // The peer does not allow UPDATE: a re-INVITE repeats our last session description byte for byte.
        var refresh = harness.Transport.LastRequest(SipMethods.Invite);
        Assert.Equal(answer, Encoding.ASCII.GetString(refresh.Body.Span));
        Assert.Equal("90;refresher=uac", refresh.Get(HeaderNames.SessionExpires));
        Assert.Equal("90", refresh.Get(HeaderNames.MinSessionExpires));
        Assert.Empty(harness.Transport.Requests(SipMethods.Update));
        Assert.False(call.ReofferInProgress);
    }

    [Fact]
    public async Task IncomingInvite_WithoutRefresherFromATimerAwarePeer_LetsTheCallerRefresh()
    {
        await DialogPeer.ConnectedIncomingCall(harness, "Supported: timer\r\nSession-Expires: 1800\r\nMin-SE: 120\r\n");

        var ok = harness.Transport.Responses(200).Single(r => r.CSeq.Method == SipMethods.Invite);
        Assert.Equal("1800;refresher=uac", ok.Get(HeaderNames.SessionExpires));
    }

    [Fact]
    public async Task IncomingInvite_WithoutSessionExpires_RunsNoTimer()
    {
        var (call, _) = await DialogPeer.ConnectedIncomingCall(harness, "Supported: timer\r\n");

        Assert.Null(harness.Transport.Responses(200).Single().Get(HeaderNames.SessionExpires));
        await harness.Advance(TimeSpan.FromHours(1));
        Assert.Equal(CallState.Connected, call.State);
        Assert.Empty(harness.Transport.Requests(SipMethods.Bye));
    }

    [Fact]
    public async Task Dial_AdvertisesTimers_AsksFor1800sWithOurMinimum()
    {
        await harness.OnLoop(() => harness.Agent.Dial("200", Offer));

        var invite = harness.Transport.LastRequest(SipMethods.Invite);
        Assert.Equal(["replaces", "timer"], invite.GetAll(HeaderNames.Supported));
        Assert.Equal("1800", invite.Get(HeaderNames.SessionExpires));
        Assert.Equal("90", invite.Get(HeaderNames.MinSessionExpires));
        Assert.Contains(SipMethods.Update, invite.GetAll(HeaderNames.Allow));
    }

    [Fact]
    public async Task Dial_422_RetriesOnceWithThePeersMinimum_ThenGivesUp()
    {
        var call = await harness.OnLoop(() => harness.Agent.Dial("200", Offer));
        var first = harness.Transport.LastRequest(SipMethods.Invite);

        await harness.Receive(Peer.Reply(first, 422, "Session Interval Too Small", "p", (HeaderNames.MinSessionExpires, "3600")));

        Assert.Equal(first.TopVia.Branch, harness.Transport.LastRequest(SipMethods.Ack).TopVia.Branch);
        var second = harness.Transport.LastRequest(SipMethods.Invite);
        Assert.Equal(first.CSeq.Number + 1, second.CSeq.Number);
        Assert.Equal(first.CallId, second.CallId);
        Assert.Equal("3600", second.Get(HeaderNames.SessionExpires));
        Assert.Equal("3600", second.Get(HeaderNames.MinSessionExpires));
        Assert.Equal(Offer, second.Body.ToArray());

        await harness.Receive(Peer.Reply(second, 422, "Session Interval Too Small", "p", (HeaderNames.MinSessionExpires, "7200")));

        Assert.Equal(2, harness.Transport.Requests(SipMethods.Invite).Count());
        Assert.Equal((CallState.Ended, 422), (call.State, call.StatusCode));
    }

    [Fact]
    public async Task OutgoingCall_WeRefreshWithUpdateWhenThePeerAllowsIt_EveryHalfInterval()
    {
        var (call, _) = await DialogPeer.ConnectedOutgoingCall(
            harness, Offer, (HeaderNames.SessionExpires, "90;refresher=uac"), (HeaderNames.Require, "timer"), (HeaderNames.Allow, "INVITE, ACK, BYE, UPDATE"));

        await harness.Advance(TimeSpan.FromSeconds(44.9));
        Assert.Empty(harness.Transport.Requests(SipMethods.Update));
        await harness.Advance(TimeSpan.FromSeconds(0.1));

        var update = harness.Transport.LastRequest(SipMethods.Update);
        Assert.True(update.Body.IsEmpty);
        Assert.Equal("90;refresher=uac", update.Get(HeaderNames.SessionExpires));
        Assert.Equal("sip:200@127.0.0.1:5090", update.RequestUri);
        Assert.Single(harness.Transport.Requests(SipMethods.Invite));
        await harness.Receive(Peer.Reply(update, 200, "OK", "callee", (HeaderNames.SessionExpires, "90;refresher=uac")));

        // The 2xx restarted the interval: the next refresh comes 45 s later, and no BYE at 60 s.
        await harness.Advance(TimeSpan.FromSeconds(44.9));
        Assert.Single(harness.Transport.Requests(SipMethods.Update));
        await harness.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(2, harness.Transport.Requests(SipMethods.Update).Count());
        Assert.Empty(harness.Transport.Requests(SipMethods.Bye));
        Assert.Equal(CallState.Connected, call.State);
    }

    [Fact]
    public async Task OutgoingCall_RefreshReInvite_RepeatsTheOffer_IsAcked_AndIsNoReofferForThePhone()
    {
        var (call, invite) = await DialogPeer.ConnectedOutgoingCall(harness, Offer, (HeaderNames.SessionExpires, "120;refresher=uac"));
        var completed = 0;
        await harness.OnLoop(() => call.ReofferCompleted += _ => completed++);

        await harness.Advance(TimeSpan.FromSeconds(60));

        var refresh = harness.Transport.LastRequest(SipMethods.Invite);
        Assert.Equal(invite.CSeq.Number + 1, refresh.CSeq.Number);
        Assert.Equal(Offer, refresh.Body.ToArray());
        Assert.Equal("120;refresher=uac", refresh.Get(HeaderNames.SessionExpires));
        Assert.False(call.ReofferInProgress);

        var ok = Peer.Reply(refresh, 200, "OK", "callee", (HeaderNames.SessionExpires, "120;refresher=uac"));
        ok.Body = "v=0\r\no=callee 3 3 IN IP4 127.0.0.1\r\n"u8.ToArray();
        await harness.Receive(ok);

        Assert.Equal(refresh.CSeq.Number, harness.Transport.LastRequest(SipMethods.Ack).CSeq.Number);
        Assert.Equal(0, completed);
        Assert.Equal(TimeSpan.FromSeconds(120), call.SessionInterval);
    }

    [Fact]
    public async Task OutgoingCall_APhoneReofferDuringTheRefresh_WaitsForItsOutcome()
    {
        var (call, _) = await DialogPeer.ConnectedOutgoingCall(harness, Offer, (HeaderNames.SessionExpires, "90;refresher=uac"));
        await harness.Advance(TimeSpan.FromSeconds(45));
        var refresh = harness.Transport.LastRequest(SipMethods.Invite);
        var completed = new List<int?>();
        await harness.OnLoop(() => call.ReofferCompleted += c => completed.Add(c.LastReofferStatus));

        Assert.True(await harness.OnLoop(() => call.Reoffer("hold"u8.ToArray())));
        Assert.True(call.ReofferInProgress);
        Assert.False(await harness.OnLoop(() => call.Reoffer("again"u8.ToArray())));
        Assert.Equal(refresh.CSeq.Number, harness.Transport.LastRequest(SipMethods.Invite).CSeq.Number);

        await harness.Receive(Peer.Reply(refresh, 200, "OK", "callee", (HeaderNames.SessionExpires, "90;refresher=uac")));
        var hold = harness.Transport.LastRequest(SipMethods.Invite);
        Assert.Equal(refresh.CSeq.Number + 1, hold.CSeq.Number);
        Assert.Equal("hold"u8.ToArray(), hold.Body.ToArray());
        Assert.Empty(completed);

        await harness.Receive(Peer.Reply(hold, 200, "OK", "callee", (HeaderNames.SessionExpires, "90;refresher=uac")));
        Assert.Equal([200], completed);
        Assert.False(call.ReofferInProgress);
    }

    [Fact]
    public async Task OutgoingCall_RefreshMet422_IsRetriedWithTheLargerInterval()
    {
        await DialogPeer.ConnectedOutgoingCall(harness, Offer, (HeaderNames.SessionExpires, "90;refresher=uac"), (HeaderNames.Allow, "INVITE, ACK, BYE, UPDATE"));
        await harness.Advance(TimeSpan.FromSeconds(45));
        var first = harness.Transport.LastRequest(SipMethods.Update);

        await harness.Receive(Peer.Reply(first, 422, "Session Interval Too Small", "callee", (HeaderNames.MinSessionExpires, "300")));

        var second = harness.Transport.LastRequest(SipMethods.Update);
        Assert.Equal(first.CSeq.Number + 1, second.CSeq.Number);
        Assert.Equal("300;refresher=uac", second.Get(HeaderNames.SessionExpires));
        Assert.Equal("300", second.Get(HeaderNames.MinSessionExpires));
    }

    [Fact]
    public async Task OutgoingCall_RefreshAnswered481_EndsTheCallWithBye()
    {
        var (call, _) = await DialogPeer.ConnectedOutgoingCall(harness, Offer, (HeaderNames.SessionExpires, "90;refresher=uac"), (HeaderNames.Allow, "UPDATE"));
        await harness.Advance(TimeSpan.FromSeconds(45));

        await harness.Receive(Peer.Reply(harness.Transport.LastRequest(SipMethods.Update), 481, "Call/Transaction Does Not Exist", "callee"));

        Assert.Single(harness.Transport.Requests(SipMethods.Bye));
        Assert.Equal((CallState.Ended, CallEndReason.Timeout, 481), (call.State, call.EndReason, call.StatusCode));
    }

    [Fact]
    public async Task OutgoingCall_ThePeerRefreshes_NoRefreshFromUs_ByeWhenItStops()
    {
        var (call, _) = await DialogPeer.ConnectedOutgoingCall(harness, Offer, (HeaderNames.SessionExpires, "900;refresher=uas"), (HeaderNames.Allow, "UPDATE"));

        // 900 − min(32, 300) = 868 s.
        await harness.Advance(TimeSpan.FromSeconds(867));
        Assert.Empty(harness.Transport.Requests(SipMethods.Update));
        Assert.Single(harness.Transport.Requests(SipMethods.Invite));
        Assert.Equal(CallState.Connected, call.State);
        await harness.Advance(TimeSpan.FromSeconds(1));

        Assert.Single(harness.Transport.Requests(SipMethods.Bye));
        Assert.Equal(CallState.Ended, call.State);
    }

    [Fact]
    public async Task OutgoingCall_2xxWithoutSessionExpires_RunsNoTimer()
    {
        var (call, _) = await DialogPeer.ConnectedOutgoingCall(harness, Offer);

        await harness.Advance(TimeSpan.FromHours(1));

        Assert.Null(call.SessionInterval);
        Assert.Single(harness.Transport.Requests(SipMethods.Invite));
        Assert.Equal(CallState.Connected, call.State);
    }

    [Theory]
    [InlineData("90;refresher=uac", 90, "90;refresher=uac")]
    [InlineData(" 1800 ; REFRESHER = UAS ; foo=bar", 1800, "1800;refresher=uas")]
    [InlineData("4294967296", int.MaxValue, "2147483647")]
    public void SessionExpires_ParsesAndWritesBack(string text, int seconds, string written)
    {
        Assert.True(SessionExpires.TryParse(text, out var value));
        Assert.Equal(seconds, value.Seconds);
        Assert.Equal(written, value.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("-90")]
    [InlineData("90;refresher=both")]
    [InlineData("ninety")]
    public void SessionExpires_RejectsMalformed(string text) => Assert.False(SessionExpires.TryParse(text, out _));
}
