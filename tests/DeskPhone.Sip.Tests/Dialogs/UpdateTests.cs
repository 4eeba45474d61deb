using System.Globalization;
using DeskPhone.Sip.Dialogs;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Tests.Dialogs;

/// <summary>The peer's UPDATE (RFC 3311 §5.2) in confirmed and early dialogs, and outside any dialog.</summary>
public sealed class UpdateTests : IDisposable
{
    private readonly SipTestHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Update_WithOffer_IsAnsweredByTheOfferHandlerIn200()
    {
        var (call, toTag) = await DialogPeer.ConnectedIncomingCall(harness);
        var offers = new List<string>();
        await harness.OnLoop(() => call.OfferHandler = offer =>
        {
            offers.Add(System.Text.Encoding.ASCII.GetString(offer.Span));
            return "v=0\r\na=recvonly\r\n"u8.ToArray();
        });

        await harness.Receive(DialogPeer.InDialog(SipMethods.Update, toTag, 11, "v=0\r\na=sendonly\r\n"));

        var ok = harness.Transport.Responses(200).Single(r => r.CSeq.Method == SipMethods.Update);
        Assert.Equal("v=0\r\na=recvonly\r\n"u8.ToArray(), ok.Body.ToArray());
        Assert.Equal("application/sdp", ok.Get(HeaderNames.ContentType));
        Assert.Equal("<sip:101@127.0.0.1:5070>", ok.Get(HeaderNames.Contact));
        Assert.Equal(["v=0\r\na=sendonly\r\n"], offers);
        Assert.Equal("v=0\r\na=sendonly\r\n"u8.ToArray(), call.RemoteSdp.ToArray());
        Assert.Equal(CallState.Connected, call.State);
    }

    [Fact]
    public async Task Update_WithOfferTheHandlerRefuses_Gets488AndTheSessionStays()
    {
        var (call, toTag) = await DialogPeer.ConnectedIncomingCall(harness);
        var before = call.RemoteSdp.ToArray();
        await harness.OnLoop(() => call.OfferHandler = _ => null);

        await harness.Receive(DialogPeer.InDialog(SipMethods.Update, toTag, 11, "v=0\r\nm=video 4000 RTP/AVP 96\r\n"));

        Assert.Single(harness.Transport.Responses(488));
        Assert.Equal(before, call.RemoteSdp.ToArray());
        Assert.Equal(CallState.Connected, call.State);
    }

    [Fact]
    public async Task Update_WithoutBody_Is200WithoutTheHandler_AndRefreshesTheRemoteTarget()
    {
        var (call, toTag) = await DialogPeer.ConnectedIncomingCall(harness);
        var handled = 0;
        await harness.OnLoop(() => call.OfferHandler = _ =>
        {
            handled++;
            return null;
        });

        await harness.Receive(DialogPeer.InDialog(SipMethods.Update, toTag, 11, contact: "<sip:102@127.0.0.1:5999>"));

        var ok = harness.Transport.Responses(200).Single(r => r.CSeq.Method == SipMethods.Update);
        Assert.True(ok.Body.IsEmpty);
        Assert.Equal(0, handled);
        await harness.OnLoop(call.Hangup);
        Assert.Equal("sip:102@127.0.0.1:5999", harness.Transport.LastRequest(SipMethods.Bye).RequestUri);
    }

    [Fact]
    public async Task Update_WithOfferWhileOurReInviteIsPending_Gets491()
    {
        var (call, toTag) = await DialogPeer.ConnectedIncomingCall(harness);
        await harness.OnLoop(() => call.Reoffer("v=0\r\na=sendonly\r\n"u8.ToArray()));

        await harness.Receive(DialogPeer.InDialog(SipMethods.Update, toTag, 11, "v=0\r\n"));

        Assert.Single(harness.Transport.Responses(491), r => r.CSeq.Method == SipMethods.Update);
    }

    [Fact]
    public async Task Update_WithOfferWhileOurOfferAwaitsTheAck_Gets491()
    {
        var (call, toTag) = await DialogPeer.ConnectedIncomingCall(harness);
        await harness.OnLoop(() => call.OfferHandler = _ => "v=0\r\no=us 8 8 IN IP4 127.0.0.1\r\n"u8.ToArray());

        // A re-INVITE without SDP: our 200 carries an offer whose answer comes in the ACK (RFC 3261 §14.2).
        await harness.Receive(DialogPeer.InDialog(SipMethods.Invite, toTag, 11));
        await harness.Receive(DialogPeer.InDialog(SipMethods.Update, toTag, 12, "v=0\r\n"));

        Assert.Single(harness.Transport.Responses(491), r => r.CSeq.Method == SipMethods.Update);
    }

    [Fact]
    public async Task Update_InTheCalleesEarlyDialog_OfferGets500WithRetryAfter_TargetRefreshGets200()
    {
        SipCall? incoming = null;
        await harness.OnLoop(() => harness.Agent.IncomingCall += c => incoming = c);
        await harness.Receive(DialogPeer.Invite());
        await harness.OnLoop(() => incoming!.Ring());
        var toTag = harness.Transport.Responses(180).Single().To.Tag!;

        // The INVITE's offer still waits for our answer (RFC 3311 §5.2).
        await harness.Receive(DialogPeer.InDialog(SipMethods.Update, toTag, 11, "v=0\r\n"));
        var pending = harness.Transport.Responses(500).Single();
        Assert.InRange(int.Parse(pending.Get(HeaderNames.RetryAfter)!, CultureInfo.InvariantCulture), 0, 10);

        await harness.Receive(DialogPeer.InDialog(SipMethods.Update, toTag, 12, contact: "<sip:102@127.0.0.1:5998>"));
        Assert.Single(harness.Transport.Responses(200), r => r.CSeq.Method == SipMethods.Update);
        Assert.Equal(CallState.Incoming, incoming!.State);

        await harness.OnLoop(() => incoming.Answer("v=0\r\n"u8.ToArray()));
        await harness.OnLoop(incoming.Hangup);
        Assert.Equal("sip:102@127.0.0.1:5998", harness.Transport.LastRequest(SipMethods.Bye).RequestUri);
    }

    [Fact]
    public async Task Update_InTheCallersEarlyDialog_ReachesTheCall_OfferGets491()
    {
        var call = await harness.OnLoop(() => harness.Agent.Dial("200", "v=0\r\n"u8.ToArray()));
        var invite = harness.Transport.LastRequest(SipMethods.Invite);
        await harness.Receive(Peer.Reply(invite, 180, "Ringing", "callee"));

        await harness.Receive(FromCallee(invite, 1, string.Empty));
        await harness.Receive(FromCallee(invite, 2, "v=0\r\n"));

        Assert.Single(harness.Transport.Responses(200), r => r.CSeq.Method == SipMethods.Update);
        Assert.Single(harness.Transport.Responses(491), r => r.CSeq.Method == SipMethods.Update);
        Assert.Empty(harness.Transport.Responses(481));
        Assert.Equal(CallState.Ringing, call.State);
    }

    [Fact]
    public async Task Update_OutsideAnyDialog_Gets481()
    {
        await harness.Receive("UPDATE sip:101@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKu\r\nFrom: <sip:102@x>;tag=1\r\nTo: <sip:101@x>\r\nCall-ID: u1\r\nCSeq: 1 UPDATE\r\nContent-Length: 0\r\n\r\n");

        Assert.Single(harness.Transport.Responses(481));
        Assert.Empty(harness.Transport.Responses(405));
    }

    [Fact]
    public async Task Options_ListsUpdateInAllow()
    {
        await harness.Receive("OPTIONS sip:101@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKo\r\nFrom: <sip:102@x>;tag=1\r\nTo: <sip:101@x>\r\nCall-ID: o1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");

        Assert.Contains(SipMethods.Update, harness.Transport.Responses(200).Single().GetAll(HeaderNames.Allow));
    }

    /// <summary>An UPDATE from the callee in the early dialog its 180 formed with <paramref name="invite"/>.</summary>
    private static string FromCallee(SipRequest invite, int cseq, string body) =>
        $"UPDATE sip:101@127.0.0.1:5070 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5090;branch=z9hG4bKcallee{cseq}\r\n" +
        $"From: <sip:200@deskphone.lab>;tag=callee\r\nTo: <sip:101@deskphone.lab>;tag={invite.From.Tag}\r\nCall-ID: {invite.CallId}\r\n" +
        $"CSeq: {cseq} UPDATE\r\nContact: <sip:200@127.0.0.1:5090>\r\nContent-Length: {body.Length}\r\n\r\n{body}";
}
