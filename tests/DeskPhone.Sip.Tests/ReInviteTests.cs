using DeskPhone.Sip.Dialogs;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Tests;

public sealed class ReInviteTests : IDisposable
{
    private readonly SipTestHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Reoffer_Answered_AcksAndExposesTheAnswer()
    {
        var (call, invite) = await ConnectedOutgoingCall();
        var completed = 0;
        await harness.OnLoop(() => call.ReofferCompleted += _ => completed++);

        Assert.True(await harness.OnLoop(() => call.Reoffer("hold-offer"u8.ToArray())));
        var reInvite = harness.Transport.Requests(SipMethods.Invite).Last();
        Assert.Equal(invite.CSeq.Number + 1, reInvite.CSeq.Number);
        Assert.Equal("callee", reInvite.To.Tag);
        Assert.Equal("sip:200@127.0.0.1:5090", reInvite.RequestUri);
        Assert.False(await harness.OnLoop(() => call.Reoffer("again"u8.ToArray())));

        var ok = Peer.Reply(reInvite, 200, "OK", "callee");
        ok.Body = "held-answer"u8.ToArray();
        await harness.Receive(ok);

        Assert.Equal(1, completed);
        Assert.Equal(200, call.LastReofferStatus);
        Assert.Equal("held-answer"u8.ToArray(), call.RemoteSdp.ToArray());
        Assert.Equal(reInvite.CSeq.Number, harness.Transport.LastRequest(SipMethods.Ack).CSeq.Number);
    }

    [Fact]
    public async Task Reoffer_Glare491_RetriesAfterTheOwnersWait()
    {
        var (call, _) = await ConnectedOutgoingCall();
        await harness.OnLoop(() => call.Reoffer("offer"u8.ToArray()));
        var first = harness.Transport.Requests(SipMethods.Invite).Last();

        await harness.Receive(Peer.Reply(first, 491, "Request Pending", "callee"));
        await harness.Advance(TimeSpan.FromMilliseconds(2099));
        Assert.Equal(first.CSeq.Number, harness.Transport.Requests(SipMethods.Invite).Last().CSeq.Number);

        // We placed the call, so we own the Call-ID: the retry comes between 2.1 and 4 s (RFC 3261 §14.1).
        await harness.Advance(TimeSpan.FromMilliseconds(1901));
        Assert.Equal(first.CSeq.Number + 1, harness.Transport.Requests(SipMethods.Invite).Last().CSeq.Number);
    }

    [Fact]
    public async Task Reoffer_481_EndsTheCall()
    {
        var (call, _) = await ConnectedOutgoingCall();
        await harness.OnLoop(() => call.Reoffer("offer"u8.ToArray()));

        await harness.Receive(Peer.Reply(harness.Transport.Requests(SipMethods.Invite).Last(), 481, "Call/Transaction Does Not Exist", "callee"));

        Assert.Equal(CallState.Ended, call.State);
        Assert.Single(harness.Transport.Requests(SipMethods.Bye));
    }

    [Fact]
    public async Task IncomingReInvite_AnsweredByTheHandler_RetransmittedUntilAcked()
    {
        var (call, toTag) = await ConnectedIncomingCall();
        await harness.OnLoop(() => call.OfferHandler = offer => "recvonly-answer"u8.ToArray());

        await harness.Receive(InDialog("INVITE", toTag, 11, "sendonly-offer"));
        var ok = harness.Transport.Responses(200).Last();
        Assert.Equal("recvonly-answer"u8.ToArray(), ok.Body.ToArray());
        Assert.Equal("sendonly-offer"u8.ToArray(), call.RemoteSdp.ToArray());

        await harness.Advance(TimeSpan.FromMilliseconds(500));
        var before = harness.Transport.Responses(200).Count();
        await harness.Receive(InDialog("ACK", toTag, 11, string.Empty));
        await harness.Advance(TimeSpan.FromSeconds(8));
        Assert.Equal(before, harness.Transport.Responses(200).Count());
    }

    [Fact]
    public async Task IncomingReInvite_RefusedByTheHandler_Gets488()
    {
        var (call, toTag) = await ConnectedIncomingCall();
        await harness.OnLoop(() => call.OfferHandler = _ => null);

        await harness.Receive(InDialog("INVITE", toTag, 11, "offer"));

        Assert.Single(harness.Transport.Responses(488));
        Assert.Equal(CallState.Connected, call.State);
    }

    [Fact]
    public async Task IncomingReInvite_WhileOursIsPending_Gets491()
    {
        var (call, toTag) = await ConnectedIncomingCall();
        await harness.OnLoop(() => call.Reoffer("ours"u8.ToArray()));

        await harness.Receive(InDialog("INVITE", toTag, 11, "theirs"));

        Assert.Single(harness.Transport.Responses(491));
    }

    private async Task<(SipCall Call, SipRequest Invite)> ConnectedOutgoingCall()
    {
        var call = await harness.OnLoop(() => harness.Agent.Dial("200", "offer"u8.ToArray()));
        var invite = harness.Transport.LastRequest(SipMethods.Invite);
        await harness.Receive(Peer.Reply(invite, 200, "OK", "callee", (HeaderNames.Contact, "<sip:200@127.0.0.1:5090>")));
        return (call, invite);
    }

    private async Task<(SipCall Call, string ToTag)> ConnectedIncomingCall()
    {
        SipCall? incoming = null;
        await harness.OnLoop(() => harness.Agent.IncomingCall += c => incoming = c);
        await harness.Receive(Peer.Invite());
        await harness.OnLoop(() => incoming!.Answer("answer"u8.ToArray()));
        var toTag = harness.Transport.Responses(200).Single().To.Tag!;
        await harness.Receive(InDialog("ACK", toTag, 10, string.Empty));
        return (incoming!, toTag);
    }

    private static string InDialog(string method, string toTag, int cseq, string body) =>
        $"{method} sip:101@127.0.0.1:5070 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK{method}{cseq}\r\n" +
        $"From: <sip:102@deskphone.lab>;tag=peer-tag\r\nTo: <sip:101@deskphone.lab>;tag={toTag}\r\nCall-ID: call-1@peer\r\n" +
        $"CSeq: {cseq} {method}\r\nContact: <sip:102@127.0.0.1:5080>\r\nContent-Length: {body.Length}\r\n\r\n{body}";
}
