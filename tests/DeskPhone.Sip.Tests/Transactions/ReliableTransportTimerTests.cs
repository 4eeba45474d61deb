using System.Net;
using System.Text;
using DeskPhone.Sip.Dialogs;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Registration;

namespace DeskPhone.Sip.Tests.Transactions;

/// <summary>
/// RFC 3261 §17 over a reliable transport (TCP) against the same steps over UDP: no retransmission
/// (Timers A, E, G), no wait for stray retransmissions (Timers D, I, J, K are zero), but the
/// transaction timeouts (Timers B, F, H) stay 64·T1. All on a fake clock.
/// </summary>
public sealed class ReliableTransportTimerTests
{
    private static readonly byte[] Offer = Encoding.ASCII.GetBytes("v=0\r\n");

    [Fact]
    public async Task Invite_OverTcp_IsNeverRetransmitted_ButTimerBStillEndsTheCall()
    {
        using var harness = new SipTestHarness(transport: new RecordingTransport(reliable: true));
        var call = await harness.OnLoop(() => harness.Agent.Dial("200", Offer));

        await harness.Advance(TimeSpan.FromSeconds(31.9));
        Assert.Single(harness.Transport.Requests(SipMethods.Invite));
        Assert.NotEqual(CallState.Ended, await harness.OnLoop(() => call.State));

        await harness.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(CallState.Ended, await harness.OnLoop(() => call.State));
        Assert.Single(harness.Transport.Requests(SipMethods.Invite));
    }

    [Theory]
    [InlineData(false, 4)]
    [InlineData(true, 1)]
    public async Task Register_Unanswered_RetransmitsOnlyOverUdp_AndFailsWith408AfterTimerF(bool reliable, int sent)
    {
        using var harness = new SipTestHarness(transport: new RecordingTransport(reliable));
        await harness.OnLoop(harness.Agent.Registration.Start);

        // Timer E over UDP: T1, 2·T1, 4·T1 (the loop schedules each retransmission when the previous one ran).
        await harness.Advance(TimeSpan.FromSeconds(0.5));
        await harness.Advance(TimeSpan.FromSeconds(1));
        await harness.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(sent, harness.Transport.Requests(SipMethods.Register).Count());
        await harness.Advance(TimeSpan.FromSeconds(28.4));
        Assert.Equal(RegistrationPhase.Registering, (await harness.OnLoop(() => harness.Agent.Registration.Status)).Phase);

        await harness.Advance(TimeSpan.FromSeconds(0.1));
        var status = await harness.OnLoop(() => harness.Agent.Registration.Status);
        Assert.Equal((RegistrationPhase.Failed, 408), (status.Phase, status.StatusCode));
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 0)]
    public async Task ClientInvite_FailureResponse_IsAckedAndTimerDIsZeroOnlyOverTcp(bool reliable, int transactionsLeft)
    {
        using var harness = new SipTestHarness(transport: new RecordingTransport(reliable));
        await harness.OnLoop(() => harness.Agent.Dial("200", Offer));
        var invite = harness.Transport.LastRequest(SipMethods.Invite);

        await harness.Receive(Peer.Reply(invite, 486, "Busy Here", "callee"));

        Assert.Equal(invite.TopVia.Branch, harness.Transport.LastRequest(SipMethods.Ack).TopVia.Branch);
        Assert.Equal(transactionsLeft, await harness.OnLoop(() => harness.Agent.Transactions.Count));
        await harness.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(0, await harness.OnLoop(() => harness.Agent.Transactions.Count));
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 0)]
    public async Task ClientNonInvite_FinalResponse_TimerKIsZeroOnlyOverTcp(bool reliable, int transactionsLeft)
    {
        using var harness = new SipTestHarness(transport: new RecordingTransport(reliable));
        await harness.OnLoop(harness.Agent.Registration.Start);

        await harness.Receive(Peer.Reply(harness.Transport.LastRequest(SipMethods.Register), 200, "OK", "r", (HeaderNames.Expires, "3600")));

        Assert.Equal(transactionsLeft, await harness.OnLoop(() => harness.Agent.Transactions.Count));
        await harness.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, await harness.OnLoop(() => harness.Agent.Transactions.Count));
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 0)]
    public async Task ServerNonInvite_Answered_TimerJIsZeroOnlyOverTcp(bool reliable, int transactionsLeft)
    {
        using var harness = new SipTestHarness(transport: new RecordingTransport(reliable));

        // SUBSCRIBE is refused (405) through a server transaction; OPTIONS is answered statelessly.
        await harness.Receive(OptionsRequest(reliable ? "TCP" : "UDP").Replace("OPTIONS", "SUBSCRIBE"));

        Assert.Single(harness.Transport.Responses(405));
        Assert.Equal(transactionsLeft, await harness.OnLoop(() => harness.Agent.Transactions.Count));
        await harness.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(0, await harness.OnLoop(() => harness.Agent.Transactions.Count));
    }

    [Theory]
    [InlineData(false, 5, 1)]
    [InlineData(true, 1, 0)]
    public async Task ServerInvite_Rejected_TimerGRetransmitsOnlyOverUdp_AndTimerIIsZeroOverTcp(bool reliable, int rejections, int transactionsAfterAck)
    {
        using var harness = new SipTestHarness(transport: new RecordingTransport(reliable));
        SipCall? incoming = null;
        await harness.OnLoop(() => harness.Agent.IncomingCall += call => incoming = call);
        await harness.Receive(Peer.Invite());
        await harness.OnLoop(() => incoming!.Reject(486, "Busy Here"));

        // Timer G over UDP: T1, 2·T1, 4·T1, 4 s (T2) → four retransmissions within 7.5 s.
        await harness.Advance(TimeSpan.FromSeconds(0.5));
        await harness.Advance(TimeSpan.FromSeconds(1));
        await harness.Advance(TimeSpan.FromSeconds(2));
        await harness.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(rejections, harness.Transport.Responses(486).Count());

        var rejection = harness.Transport.Responses(486).First();
        await harness.Receive($"ACK sip:101@127.0.0.1:5070 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKpeer1;rport\r\nFrom: \"Anna\" <sip:102@deskphone.lab>;tag=peer-tag\r\nTo: {rejection.Get(HeaderNames.To)}\r\nCall-ID: call-1@peer\r\nCSeq: 10 ACK\r\nContent-Length: 0\r\n\r\n");
        Assert.Equal(transactionsAfterAck, await harness.OnLoop(() => harness.Agent.Transactions.Count));
        await harness.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, await harness.OnLoop(() => harness.Agent.Transactions.Count));
    }

    [Fact]
    public async Task ServerInvite_RejectedOverTcpAndNeverAcked_EndsAtTimerH()
    {
        using var harness = new SipTestHarness(transport: new RecordingTransport(reliable: true));
        SipCall? incoming = null;
        await harness.OnLoop(() => harness.Agent.IncomingCall += call => incoming = call);
        await harness.Receive(Peer.Invite());
        await harness.OnLoop(() => incoming!.Reject(486, "Busy Here"));

        await harness.Advance(TimeSpan.FromSeconds(31.9));
        Assert.Equal(1, await harness.OnLoop(() => harness.Agent.Transactions.Count));
        await harness.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(0, await harness.OnLoop(() => harness.Agent.Transactions.Count));
        Assert.Single(harness.Transport.Responses(486));
    }

    [Fact]
    public async Task Requests_OverTcp_NameTcpInViaAndContact()
    {
        using var harness = new SipTestHarness(transport: new RecordingTransport(reliable: true));

        await harness.OnLoop(harness.Agent.Registration.Start);

        var register = harness.Transport.LastRequest(SipMethods.Register);
        Assert.Equal("TCP", register.TopVia.Transport);
        Assert.Equal("<sip:101@127.0.0.1:5070;transport=tcp>", register.Get(HeaderNames.Contact));
    }

    [Fact]
    public async Task Requests_OverUdp_KeepTheirUdpViaAndPlainContact()
    {
        using var harness = new SipTestHarness();

        await harness.OnLoop(harness.Agent.Registration.Start);

        var register = harness.Transport.LastRequest(SipMethods.Register);
        Assert.StartsWith("SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK", register.Get(HeaderNames.Via));
        Assert.Equal("<sip:101@127.0.0.1:5070>", register.Get(HeaderNames.Contact));
    }

    [Theory]
    [InlineData(false, 5060)]
    [InlineData(true, 40000)]
    public async Task Response_WithoutRport_GoesToTheViaPortOverUdpButBackOnTheConnectionOverTcp(bool reliable, int port)
    {
        using var harness = new SipTestHarness(transport: new RecordingTransport(reliable));

        await harness.Receive(OptionsRequest(reliable ? "TCP" : "UDP"), new IPEndPoint(IPAddress.Loopback, 40000));

        var (_, destination) = Assert.Single(harness.Transport.Sent);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, port), destination);
    }

    private static string OptionsRequest(string transport) =>
        $"OPTIONS sip:101@127.0.0.1:5070 SIP/2.0\r\nVia: SIP/2.0/{transport} 127.0.0.1:5060;branch=z9hG4bKopt\r\nFrom: <sip:102@x>;tag=1\r\nTo: <sip:101@x>\r\nCall-ID: o1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
}
