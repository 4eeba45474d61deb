using System.Net;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Registration;

namespace DeskPhone.Sip.Tests.Registration;

/// <summary>RFC 5626 §4.4.1 CRLF keep-alive of the registrar's TCP flow, on a fake clock.</summary>
public sealed class FlowKeepAliveTests : IDisposable
{
    private readonly RecordingConnectionTransport transport = new();
    private readonly SipTestHarness harness;

    public FlowKeepAliveTests()
    {
        harness = new SipTestHarness(transport: transport);
        harness.Agent.KeepAlive!.NextJitter = () => 1;
    }

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Registered_PingsTheRegistrarEvery30Seconds_WhileItsPongsCome()
    {
        await Register();

        await harness.Advance(TimeSpan.FromSeconds(29.9));
        Assert.Empty(transport.Pings);
        await harness.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal([SipTestHarness.Pbx], transport.Pings);

        transport.RaisePong(SipTestHarness.Pbx);
        await harness.Drain();
        await harness.Advance(TimeSpan.FromSeconds(29.9));
        Assert.Single(transport.Pings);
        await harness.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(2, transport.Pings.Count);
        Assert.Single(transport.Requests(SipMethods.Register));
        Assert.Empty(transport.Closed);
    }

    [Fact]
    public async Task PongMissingFor10Seconds_ClosesTheFlowAndRegistersAgainAtOnce()
    {
        await Register();
        await harness.Advance(TimeSpan.FromSeconds(30));

        // A pong from anyone but the registrar does not count.
        transport.RaisePong(new IPEndPoint(IPAddress.Loopback, 5999));
        await harness.Advance(TimeSpan.FromSeconds(9.9));
        Assert.Single(transport.Requests(SipMethods.Register));
        await harness.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal([SipTestHarness.Pbx], transport.Closed);
        Assert.Equal(2, transport.Requests(SipMethods.Register).Count());
        Assert.Equal(RegistrationPhase.Registering, (await harness.OnLoop(() => harness.Agent.Registration.Status)).Phase);

        await harness.Receive(Peer.Reply(transport.LastRequest(SipMethods.Register), 200, "OK", "r", (HeaderNames.Expires, "3600")));
        Assert.Equal(RegistrationPhase.Registered, (await harness.OnLoop(() => harness.Agent.Registration.Status)).Phase);
        await harness.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, transport.Pings.Count);
    }

    [Fact]
    public async Task ConnectionClosedWhileRegistered_RegistersAgainOnce_EvenIfReportedTwice()
    {
        await Register();

        transport.RaiseClosed(SipTestHarness.Pbx);
        transport.RaiseClosed(SipTestHarness.Pbx);
        await harness.Drain();

        Assert.Equal(2, transport.Requests(SipMethods.Register).Count());
    }

    [Fact]
    public async Task ConnectionClosedToAnotherPeer_ChangesNothing()
    {
        await Register();

        transport.RaiseClosed(new IPEndPoint(IPAddress.Loopback, 40000));
        await harness.Drain();

        Assert.Single(transport.Requests(SipMethods.Register));
    }

    [Fact]
    public async Task NoConnectionOpenAtPingTime_RegistersAgain()
    {
        await Register();
        transport.Open = false;

        await harness.Advance(TimeSpan.FromSeconds(30));

        Assert.Empty(transport.Pings);
        Assert.Equal(2, transport.Requests(SipMethods.Register).Count());
    }

    [Fact]
    public async Task NotRegistered_NeverPings_AndAFailedFlowDoesNotHammerTheRegistrar()
    {
        await harness.OnLoop(harness.Agent.Registration.Start);
        transport.RaiseClosed(SipTestHarness.Pbx);
        await harness.Advance(TimeSpan.FromSeconds(31));

        Assert.Empty(transport.Pings);
        Assert.Single(transport.Requests(SipMethods.Register));
    }

    [Fact]
    public async Task Unregistered_StopsPinging()
    {
        await Register();

        await harness.OnLoop(() => harness.Agent.Registration.Stop());
        await harness.Advance(TimeSpan.FromSeconds(60));

        Assert.Empty(transport.Pings);
    }

    [Fact]
    public async Task Jitter_PingsAsEarlyAs80PercentOfTheInterval()
    {
        harness.Agent.KeepAlive!.NextJitter = () => 0;
        await Register();

        await harness.Advance(TimeSpan.FromSeconds(23.9));
        Assert.Empty(transport.Pings);
        await harness.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Single(transport.Pings);
    }

    private async Task Register()
    {
        await harness.OnLoop(harness.Agent.Registration.Start);
        await harness.Receive(Peer.Reply(transport.LastRequest(SipMethods.Register), 200, "OK", "r", (HeaderNames.Expires, "3600")));
        Assert.Equal(RegistrationPhase.Registered, (await harness.OnLoop(() => harness.Agent.Registration.Status)).Phase);
    }
}
