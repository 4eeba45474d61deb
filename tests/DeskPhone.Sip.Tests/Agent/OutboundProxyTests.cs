using System.Text;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Tests.Agent;

/// <summary>RFC 3261 §8.1.2: with an outbound proxy every out-of-dialog request goes there, with a loose Route to it.</summary>
public sealed class OutboundProxyTests
{
    private static readonly System.Net.IPEndPoint Proxy = FakeServerResolver.At(5, 5080);
    private readonly FakeServerResolver resolver = new();

    public OutboundProxyTests() => resolver.Answer("proxy.deskphone.lab", TimeSpan.FromHours(1), Proxy);

    [Fact]
    public async Task RegisterInviteAndMessage_GoToTheProxy_WithALooseRoute_AndTheRegistrarDomainInTheRequestUri()
    {
        using var harness = new SipTestHarness(configure: ResolutionTests.ByName("pbx.deskphone.lab", "proxy.deskphone.lab:5080"), resolver: resolver);

        await harness.OnLoop(harness.Agent.Registration.Start);
        await harness.Resolved();
        await harness.OnLoop(() => harness.Agent.Dial("200", Encoding.ASCII.GetBytes("v=0\r\n")));
        await harness.OnLoop(() => harness.Agent.SendMessage("102", "text/plain", "hi"u8.ToArray()));

        Assert.Equal(3, harness.Transport.Sent.Count);
        Assert.All(harness.Transport.Sent, sent =>
        {
            Assert.Equal(Proxy, sent.Destination);
            Assert.Equal("<sip:proxy.deskphone.lab:5080;lr>", sent.Message.Get(HeaderNames.Route));
        });
        Assert.Equal("sip:deskphone.lab", harness.Transport.LastRequest(SipMethods.Register).RequestUri);
        Assert.Equal("sip:200@deskphone.lab", harness.Transport.LastRequest(SipMethods.Invite).RequestUri);
        Assert.Equal(["proxy.deskphone.lab"], resolver.Queries.Select(q => q.Host));
    }

    [Fact]
    public async Task InDialogRequests_FollowTheRouteSet_NotTheProxy()
    {
        using var harness = new SipTestHarness(configure: ResolutionTests.ByName("pbx.deskphone.lab", "proxy.deskphone.lab:5080"), resolver: resolver);
        var call = await harness.OnLoop(() => harness.Agent.Dial("200", Encoding.ASCII.GetBytes("v=0\r\n")));
        await harness.Resolved();
        var invite = harness.Transport.LastRequest(SipMethods.Invite);
        await harness.Receive(Peer.Reply(invite, 200, "OK", "callee", (HeaderNames.RecordRoute, "<sip:10.0.0.6:5060;lr>"), (HeaderNames.Contact, "<sip:200@10.0.0.7:5090>")), Proxy);

        await harness.OnLoop(call.Hangup);

        var (bye, destination) = harness.Transport.Sent.Last(s => s.Message is SipRequest { Method: SipMethods.Bye });
        Assert.Equal("<sip:10.0.0.6:5060;lr>", bye.Get(HeaderNames.Route));
        Assert.Equal(FakeServerResolver.At(6), destination);
    }

    [Fact]
    public async Task ProxyThatIsTheRegistrar_AddsNoRoute()
    {
        using var harness = new SipTestHarness(configure: ResolutionTests.ByName("proxy.deskphone.lab:5080", "proxy.deskphone.lab:5080"), resolver: resolver);

        await harness.OnLoop(harness.Agent.Registration.Start);
        await harness.Resolved();

        var (register, destination) = Assert.Single(harness.Transport.Sent);
        Assert.Equal(Proxy, destination);
        Assert.Null(register.Get(HeaderNames.Route));
    }

    [Fact]
    public async Task OverTcp_TheRouteNamesTheTransport()
    {
        using var harness = new SipTestHarness(transport: new RecordingTransport(reliable: true), configure: ResolutionTests.ByName("10.0.0.1", "10.0.0.5:5080"), resolver: resolver);

        await harness.OnLoop(harness.Agent.Registration.Start);

        var (register, destination) = Assert.Single(harness.Transport.Sent);
        Assert.Equal(Proxy, destination);
        Assert.Equal("<sip:10.0.0.5:5080;lr;transport=tcp>", register.Get(HeaderNames.Route));
        Assert.Empty(resolver.Queries);
    }
}
