using System.Text;
using DeskPhone.Sip.Dialogs;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Tests;

public sealed class CallTests : IDisposable
{
    private static readonly byte[] Offer = Encoding.ASCII.GetBytes("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n");
    private readonly SipTestHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Dial_On407_ResendsInviteWithProxyAuthorizationAndAcksTheChallenge()
    {
        await harness.OnLoop(() => harness.Agent.Dial("200", Offer));
        var first = harness.Transport.LastRequest(SipMethods.Invite);
        Assert.Equal("sip:200@deskphone.lab", first.RequestUri);

        await harness.Receive(Peer.Reply(first, 407, "Proxy Authentication Required", "p", (HeaderNames.ProxyAuthenticate, "Digest realm=\"deskphone.lab\", nonce=\"x\"")));

        var ack = harness.Transport.LastRequest(SipMethods.Ack);
        Assert.Equal(first.TopVia.Branch, ack.TopVia.Branch);
        var second = harness.Transport.LastRequest(SipMethods.Invite);
        Assert.NotEqual(first.TopVia.Branch, second.TopVia.Branch);
        Assert.Equal(first.CSeq.Number + 1, second.CSeq.Number);
        Assert.Contains("uri=\"sip:200@deskphone.lab\"", second.Get(HeaderNames.ProxyAuthorization));
        Assert.Equal(Offer, second.Body.ToArray());
    }

    [Fact]
    public async Task Dial_Answered_AcksThroughRecordRouteAndConnects()
    {
        var call = await harness.OnLoop(() => harness.Agent.Dial("200", Offer));
        var invite = harness.Transport.LastRequest(SipMethods.Invite);
        await harness.Receive(Peer.Reply(invite, 180, "Ringing", "callee"));
        Assert.Equal(CallState.Ringing, await harness.OnLoop(() => call.State));

        var ok = Peer.Reply(invite, 200, "OK", "callee", (HeaderNames.RecordRoute, "<sip:127.0.0.1:5060;lr>"), (HeaderNames.Contact, "<sip:200@127.0.0.1:5090>"));
        ok.Body = "answer"u8.ToArray();
        await harness.Receive(ok);

        Assert.Equal(CallState.Connected, await harness.OnLoop(() => call.State));
        Assert.Equal("answer"u8.ToArray(), call.RemoteSdp.ToArray());
        var (ack, destination) = harness.Transport.Sent.Last(s => s.Message is SipRequest { Method: SipMethods.Ack });
        var ackRequest = (SipRequest)ack;
        Assert.Equal("sip:200@127.0.0.1:5090", ackRequest.RequestUri);
        Assert.Equal("<sip:127.0.0.1:5060;lr>", ackRequest.Get(HeaderNames.Route));
        Assert.Equal(SipTestHarness.Pbx, destination);

        // A retransmitted 200 gets the same ACK again (RFC 3261 §13.2.2.4).
        await harness.Receive(ok);
        Assert.Equal(2, harness.Transport.Requests(SipMethods.Ack).Count());

        await harness.OnLoop(call.Hangup);
        var bye = harness.Transport.LastRequest(SipMethods.Bye);
        Assert.Equal(invite.CSeq.Number + 1, bye.CSeq.Number);
        Assert.Equal("callee", bye.To.Tag);
        Assert.Equal(CallEndReason.LocalHangup, call.EndReason);
    }

    [Fact]
    public async Task Hangup_BeforeAnyProvisional_SendsCancelOnlyAfterTheFirstOne()
    {
        var call = await harness.OnLoop(() => harness.Agent.Dial("200", Offer));
        var invite = harness.Transport.LastRequest(SipMethods.Invite);

        await harness.OnLoop(call.Hangup);
        Assert.Empty(harness.Transport.Requests(SipMethods.Cancel));

        await harness.Receive(Peer.Reply(invite, 100, "Trying"));
        var cancel = harness.Transport.LastRequest(SipMethods.Cancel);
        Assert.Equal(invite.TopVia.Branch, cancel.TopVia.Branch);
        Assert.Equal(invite.CSeq.Number, cancel.CSeq.Number);
    }

    [Fact]
    public async Task IncomingCall_RingAnswerAck_StopsRetransmitting200()
    {
        SipCall? incoming = null;
        await harness.OnLoop(() => harness.Agent.IncomingCall += c => incoming = c);
        await harness.Receive(Peer.Invite());
        Assert.NotNull(incoming);
        Assert.Equal("102", incoming.RemoteUser);
        Assert.Equal("Anna", incoming.RemoteDisplayName);
        Assert.Single(harness.Transport.Responses(100));

        await harness.OnLoop(incoming.Ring);
        await harness.OnLoop(() => incoming.Answer("answer"u8.ToArray()));
        var ok = harness.Transport.Responses(200).Single();
        Assert.Equal("<sip:127.0.0.1:5060;lr>", ok.Get(HeaderNames.RecordRoute));
        Assert.NotNull(ok.To.Tag);

        // 200 retransmitted at T1, then 2·T1 until the ACK arrives.
        await harness.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(2, harness.Transport.Responses(200).Count());
        await harness.Receive($"ACK sip:101@127.0.0.1:5070 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKack\r\nFrom: <sip:102@deskphone.lab>;tag=peer-tag\r\nTo: <sip:101@deskphone.lab>;tag={ok.To.Tag}\r\nCall-ID: call-1@peer\r\nCSeq: 10 ACK\r\nContent-Length: 0\r\n\r\n");
        await harness.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(2, harness.Transport.Responses(200).Count());
        Assert.Equal(CallState.Connected, await harness.OnLoop(() => incoming.State));

        // The peer hangs up.
        await harness.Receive($"BYE sip:101@127.0.0.1:5070 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKbye\r\nFrom: <sip:102@deskphone.lab>;tag=peer-tag\r\nTo: <sip:101@deskphone.lab>;tag={ok.To.Tag}\r\nCall-ID: call-1@peer\r\nCSeq: 11 BYE\r\nContent-Length: 0\r\n\r\n");
        Assert.Equal(CallEndReason.RemoteHangup, await harness.OnLoop(() => incoming.EndReason));
        Assert.Equal(3, harness.Transport.Responses(200).Count());
    }

    [Fact]
    public async Task IncomingCall_CancelledBeforeAnswer_Answers200And487()
    {
        SipCall? incoming = null;
        await harness.OnLoop(() => harness.Agent.IncomingCall += c => incoming = c);
        await harness.Receive(Peer.Invite());

        await harness.Receive("CANCEL sip:101@127.0.0.1:5070 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKpeer1;rport\r\nFrom: \"Anna\" <sip:102@deskphone.lab>;tag=peer-tag\r\nTo: <sip:101@deskphone.lab>\r\nCall-ID: call-1@peer\r\nCSeq: 10 CANCEL\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal(CallEndReason.CancelledByCaller, await harness.OnLoop(() => incoming!.EndReason));
        Assert.Single(harness.Transport.Responses(200), r => r.CSeq.Method == SipMethods.Cancel);
        Assert.Single(harness.Transport.Responses(487));
    }

    [Fact]
    public async Task Request_RetransmittedInvite_IsAbsorbedByTheServerTransaction()
    {
        var calls = 0;
        await harness.OnLoop(() => harness.Agent.IncomingCall += _ => calls++);
        await harness.Receive(Peer.Invite());
        await harness.Receive(Peer.Invite());

        Assert.Equal(1, calls);
        Assert.Equal(2, harness.Transport.Responses(100).Count());
    }

    [Theory]
    [InlineData("MESSAGE", 405)]
    [InlineData("FOO", 501)]
    public async Task Request_UnsupportedMethod_IsAnsweredWithTheRightCode(string method, int code)
    {
        await harness.Receive($"{method} sip:101@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKm\r\nFrom: <sip:102@x>;tag=1\r\nTo: <sip:101@x>\r\nCall-ID: m1\r\nCSeq: 1 {method}\r\nContent-Length: 0\r\n\r\n");

        Assert.Single(harness.Transport.Responses(code));
    }

    [Fact]
    public async Task Request_Malformed_Gets400NamingTheDefect()
    {
        await harness.Receive("OPTIONS sip:101@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKo\r\nFrom: <sip:102@x>;tag=1\r\nTo: <sip:101@x>\r\nCall-ID: o1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 99\r\n\r\n");

        Assert.Equal("Bad Request - body shorter than Content-Length", harness.Transport.Responses(400).Single().ReasonPhrase);
    }

    [Fact]
    public async Task Request_InDialogWithUnknownTag_Gets481()
    {
        await harness.Receive("BYE sip:101@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKb\r\nFrom: <sip:102@x>;tag=1\r\nTo: <sip:101@x>;tag=nobody\r\nCall-ID: b1\r\nCSeq: 1 BYE\r\nContent-Length: 0\r\n\r\n");

        Assert.Single(harness.Transport.Responses(481));
    }
}
