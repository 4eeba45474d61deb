using System.Text;
using DeskPhone.Sip.Dialogs;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Tests;

public sealed class TransferTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly SipTestHarness harness = new();
    private string outgoingCallId = string.Empty;
    private string outgoingFromTag = string.Empty;

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Transfer_AcceptedThenNotified200_Succeeds()
    {
        var call = await ConnectedOutgoingCall();
        var states = new List<TransferState>();
        await harness.OnLoop(() => call.TransferProgress += c => states.Add(c.TransferState));

        await harness.OnLoop(() => call.Transfer("35", Deadline));
        var refer = harness.Transport.LastRequest(SipMethods.Refer);
        Assert.Equal("<sip:35@deskphone.lab>", refer.Get("Refer-To"));
        Assert.Equal("<sip:101@deskphone.lab>", refer.Get("Referred-By"));
        Assert.Equal("callee", refer.To.Tag);

        await harness.Receive(Peer.Reply(refer, 202, "Accepted", "callee"));
        await harness.Receive(Notify("SIP/2.0 100 Trying", "active;expires=60", 20));
        await harness.Receive(Notify("SIP/2.0 200 OK", "terminated;reason=noresource", 21));

        Assert.Equal([TransferState.Requested, TransferState.Accepted, TransferState.Accepted, TransferState.Succeeded], states);
        Assert.Equal(2, harness.Transport.Responses(200).Count(r => r.CSeq.Method == SipMethods.Notify));
    }

    [Fact]
    public async Task Transfer_ChallengedThenForbidden_FailsWith403()
    {
        var call = await ConnectedOutgoingCall();
        await harness.OnLoop(() => call.Transfer("35", Deadline));
        var first = harness.Transport.LastRequest(SipMethods.Refer);

        await harness.Receive(Peer.Reply(first, 407, "Proxy Authentication Required", "callee", (HeaderNames.ProxyAuthenticate, "Digest realm=\"r\", nonce=\"t1\"")));
        var second = harness.Transport.LastRequest(SipMethods.Refer);
        Assert.NotNull(second.Get(HeaderNames.ProxyAuthorization));

        await harness.Receive(Peer.Reply(second, 403, "Forbidden", "callee"));
        Assert.Equal(TransferState.Failed, call.TransferState);
        Assert.Equal(403, call.TransferStatusCode);
    }

    [Fact]
    public async Task Transfer_NotifyReports503_Fails()
    {
        var call = await ConnectedOutgoingCall();
        await harness.OnLoop(() => call.Transfer("35", Deadline));
        await harness.Receive(Peer.Reply(harness.Transport.LastRequest(SipMethods.Refer), 202, "Accepted", "callee"));

        await harness.Receive(Notify("SIP/2.0 503 Service Unavailable", "terminated", 20));

        Assert.Equal(TransferState.Failed, call.TransferState);
        Assert.Equal(503, call.TransferStatusCode);
        Assert.Equal(CallState.Connected, call.State);
    }

    [Fact]
    public async Task Transfer_NoOutcomeBeforeTheDeadline_Fails408()
    {
        var call = await ConnectedOutgoingCall();
        await harness.OnLoop(() => call.Transfer("35", Deadline));
        await harness.Receive(Peer.Reply(harness.Transport.LastRequest(SipMethods.Refer), 202, "Accepted", "callee"));

        await harness.Advance(Deadline);

        Assert.Equal(TransferState.Failed, call.TransferState);
        Assert.Equal(408, call.TransferStatusCode);
    }

    [Fact]
    public async Task ReplacingReferTo_NamesTheConsultationDialogFromTheTargetsSide()
    {
        var call = await ConnectedOutgoingCall();
        var (callId, localTag, _) = call.DialogId;

        Assert.Equal($"sip:200@deskphone.lab?Replaces={Uri.EscapeDataString($"{callId};to-tag=callee;from-tag={localTag}")}", call.ReplacingReferTo());
    }

    [Fact]
    public async Task IncomingRefer_Accepted202_NotifiesTryingThenTheFinalStatus()
    {
        var (call, toTag) = await ConnectedIncomingCall();
        IncomingTransfer? transfer = null;
        await harness.OnLoop(() => call.TransferRequested += (_, t) => transfer = t);

        await harness.Receive(InDialog("REFER", toTag, 11, "Refer-To: <sip:103@deskphone.lab?Replaces=abc%3Bto-tag%3D1%3Bfrom-tag%3D2>\r\nReferred-By: <sip:102@deskphone.lab>\r\n"));

        Assert.Single(harness.Transport.Responses(202));
        Assert.NotNull(transfer);
        Assert.Equal("sip:103@deskphone.lab", transfer.Target);
        Assert.Equal("abc;to-tag=1;from-tag=2", transfer.Replaces);
        var trying = harness.Transport.LastRequest(SipMethods.Notify);
        Assert.Equal("refer", trying.Get("Event"));
        Assert.Equal("SIP/2.0 100 Trying\r\n", Encoding.UTF8.GetString(trying.Body.Span));

        await harness.OnLoop(() => transfer.Report(200, "OK"));
        var final = harness.Transport.LastRequest(SipMethods.Notify);
        Assert.StartsWith("terminated", final.Get("Subscription-State"));
        Assert.Equal("SIP/2.0 200 OK\r\n", Encoding.UTF8.GetString(final.Body.Span));
        Assert.Equal(trying.CSeq.Number + 1, final.CSeq.Number);
    }

    [Fact]
    public async Task IncomingRefer_WithoutAHandler_IsDeclined()
    {
        var (_, toTag) = await ConnectedIncomingCall();

        await harness.Receive(InDialog("REFER", toTag, 11, "Refer-To: <sip:103@deskphone.lab>\r\n"));

        Assert.Single(harness.Transport.Responses(603));
    }

    [Fact]
    public async Task InviteWithReplaces_ForOurCall_NamesTheCallItReplaces_UnknownGets481()
    {
        var (call, toTag) = await ConnectedIncomingCall();
        var incoming = new List<SipCall>();
        await harness.OnLoop(() => harness.Agent.IncomingCall += incoming.Add);

        await harness.Receive(Peer.Invite("call-2@other", "z9hG4bKrep1").Replace("CSeq: 10 INVITE\r\n", $"CSeq: 10 INVITE\r\nReplaces: call-1@peer;to-tag={toTag};from-tag=peer-tag\r\n"));
        await harness.Receive(Peer.Invite("call-3@other", "z9hG4bKrep2").Replace("CSeq: 10 INVITE\r\n", "CSeq: 10 INVITE\r\nReplaces: nobody;to-tag=x;from-tag=y\r\n"));

        Assert.Same(call, Assert.Single(incoming).Replaces);
        Assert.Single(harness.Transport.Responses(481));
    }

    private async Task<SipCall> ConnectedOutgoingCall()
    {
        var call = await harness.OnLoop(() => harness.Agent.Dial("200", "offer"u8.ToArray()));
        var invite = harness.Transport.LastRequest(SipMethods.Invite);
        await harness.Receive(Peer.Reply(invite, 200, "OK", "callee", (HeaderNames.Contact, "<sip:200@127.0.0.1:5090>")));
        outgoingCallId = invite.CallId;
        outgoingFromTag = invite.From.Tag!;
        return call;
    }

    private string Notify(string sipfrag, string subscriptionState, int cseq) =>
        $"NOTIFY sip:101@127.0.0.1:5070 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKn{cseq}\r\n" +
        $"From: <sip:200@deskphone.lab>;tag=callee\r\nTo: <sip:101@deskphone.lab>;tag={outgoingFromTag}\r\nCall-ID: {outgoingCallId}\r\n" +
        $"CSeq: {cseq} NOTIFY\r\nEvent: refer\r\nSubscription-State: {subscriptionState}\r\nContent-Type: message/sipfrag;version=2.0\r\n" +
        $"Content-Length: {sipfrag.Length + 2}\r\n\r\n{sipfrag}\r\n";

    private async Task<(SipCall Call, string ToTag)> ConnectedIncomingCall()
    {
        SipCall? incoming = null;
        void Capture(SipCall c) => incoming ??= c;
        await harness.OnLoop(() => harness.Agent.IncomingCall += Capture);
        await harness.Receive(Peer.Invite());
        await harness.OnLoop(() =>
        {
            harness.Agent.IncomingCall -= Capture;
            incoming!.Answer("answer"u8.ToArray());
        });
        var toTag = harness.Transport.Responses(200).Single().To.Tag!;
        await harness.Receive(InDialog("ACK", toTag, 10, string.Empty));
        return (incoming!, toTag);
    }

    private static string InDialog(string method, string toTag, int cseq, string extraHeaders) =>
        $"{method} sip:101@127.0.0.1:5070 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK{method}{cseq}\r\n" +
        $"From: <sip:102@deskphone.lab>;tag=peer-tag\r\nTo: <sip:101@deskphone.lab>;tag={toTag}\r\nCall-ID: call-1@peer\r\n" +
        $"CSeq: {cseq} {method}\r\nContact: <sip:102@127.0.0.1:5080>\r\n{extraHeaders}Content-Length: 0\r\n\r\n";
}
