using DeskPhone.Sip.Agent;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Registration;

namespace DeskPhone.Sip.Tests.Agent;

/// <summary>A registrar given by name (RFC 3263): looked up off the loop, kept for its TTL by the fake clock.</summary>
public sealed class ResolutionTests : IDisposable
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(60);
    private readonly FakeServerResolver resolver = new();
    private readonly SipTestHarness harness;

    public ResolutionTests()
    {
        harness = new SipTestHarness(configure: ByName("pbx.deskphone.lab"), resolver: resolver);
    }

    public void Dispose() => harness.Dispose();

    internal static Func<SipAgentOptions, SipAgentOptions> ByName(string registrar, string? proxy = null) => options =>
    {
        Assert.True(ServerAddress.TryParse(registrar, out var server, out _));
        ServerAddress? outbound = null;
        Assert.True(proxy is null || ServerAddress.TryParse(proxy, out outbound, out _));
        return options with { Registrar = server, OutboundProxy = outbound };
    };

    [Fact]
    public async Task Register_ToAName_WaitsForTheLookUpOffTheLoop_WhileTheLoopKeepsAnswering()
    {
        resolver.Answer("pbx.deskphone.lab", Ttl, FakeServerResolver.At(1), FakeServerResolver.At(2));
        resolver.Hold();

        await harness.OnLoop(harness.Agent.Registration.Start);
        Assert.Empty(harness.Transport.Requests(SipMethods.Register));

        // The loop is free while DNS is slow: an OPTIONS from the network is answered meanwhile.
        await harness.Receive(Options(), from: FakeServerResolver.At(1));
        Assert.Single(harness.Transport.Responses(200));

        resolver.Release();
        await harness.Resolved();

        var (register, destination) = Assert.Single(harness.Transport.Sent, s => s.Message is SipRequest { Method: SipMethods.Register });
        Assert.Equal(FakeServerResolver.At(1), destination);
        Assert.Equal("sip:deskphone.lab", ((SipRequest)register).RequestUri);
        Assert.Equal([("pbx.deskphone.lab", false)], resolver.Queries);
    }

    [Fact]
    public async Task Answer_IsKeptForItsTtl_ThenLookedUpAgain()
    {
        resolver.Answer("pbx.deskphone.lab", Ttl, FakeServerResolver.At(1));
        await SendMessage();
        await harness.Advance(TimeSpan.FromSeconds(59));
        await SendMessage();
        Assert.Single(resolver.Queries);

        await harness.Advance(TimeSpan.FromSeconds(1));
        resolver.Answer("pbx.deskphone.lab", Ttl, FakeServerResolver.At(7));
        await SendMessage();

        Assert.Equal(2, resolver.Queries.Count);
        Assert.Equal(FakeServerResolver.At(7), harness.Transport.Sent[^1].Destination);
    }

    [Fact]
    public async Task NewAnswer_StillListingTheTargetInUse_KeepsIt()
    {
        resolver.Answer("pbx.deskphone.lab", TimeSpan.Zero, FakeServerResolver.At(1), FakeServerResolver.At(2));
        await SendMessage();
        await harness.Receive(Peer.Reply(harness.Transport.LastRequest(SipMethods.Message), 503, "Service Unavailable"));
        Assert.Equal(FakeServerResolver.At(2), harness.Transport.Sent[^1].Destination);

        // TTL 0: every request looks up again; the order the DNS gives does not move us back.
        await SendMessage();

        Assert.Equal(2, resolver.Queries.Count);
        Assert.Equal(FakeServerResolver.At(2), harness.Transport.Sent[^1].Destination);
    }

    [Fact]
    public async Task NameThatDoesNotResolve_FailsTheRegistrationWith503_AndRetriesAfterTheBackOff()
    {
        harness.Agent.Registration.NextJitter = () => 1;
        resolver.Fail("pbx.deskphone.lab", "NXDOMAIN");

        await harness.OnLoop(harness.Agent.Registration.Start);
        await harness.Resolved();

        var status = await harness.OnLoop(() => harness.Agent.Registration.Status);
        Assert.Equal(RegistrationPhase.Failed, status.Phase);
        Assert.Equal(503, status.StatusCode);
        Assert.Empty(harness.Transport.Sent);

        resolver.Answer("pbx.deskphone.lab", Ttl, FakeServerResolver.At(3));
        await harness.Advance(RegistrationClient.FirstRetryDelay);
        await harness.Resolved();

        Assert.Equal(FakeServerResolver.At(3), Assert.Single(harness.Transport.Sent).Destination);
    }

    [Fact]
    public async Task DnsFailureLater_KeepsUsingTheAddressesItHad()
    {
        resolver.Answer("pbx.deskphone.lab", Ttl, FakeServerResolver.At(1));
        await SendMessage();
        await harness.Advance(Ttl);
        resolver.Fail("pbx.deskphone.lab", "timed out");

        await SendMessage();
        await SendMessage();

        Assert.Equal(2, resolver.Queries.Count);
        var messagesToTheOldAddress = harness.Transport.Sent.Where(s => s.Destination.Equals(FakeServerResolver.At(1))).Select(s => s.Message.CallId).Distinct();
        Assert.Equal(3, messagesToTheOldAddress.Count());
    }

    [Fact]
    public async Task IpLiteral_IsUsedAsIs_WithoutAnyLookUp()
    {
        using var literal = new SipTestHarness(configure: ByName("10.0.0.9:5080"), resolver: resolver);

        await literal.OnLoop(literal.Agent.Registration.Start);

        Assert.Equal(new System.Net.IPEndPoint(System.Net.IPAddress.Parse("10.0.0.9"), 5080), Assert.Single(literal.Transport.Sent).Destination);
        Assert.Empty(resolver.Queries);
    }

    [Fact]
    public async Task WhileRegistered_RequestsFromEveryResolvedAddressAreTrusted_OthersDropped()
    {
        resolver.Answer("pbx.deskphone.lab", Ttl, FakeServerResolver.At(1), FakeServerResolver.At(2));
        await harness.OnLoop(harness.Agent.Registration.Start);
        await harness.Resolved();
        await harness.Receive(Peer.Reply(harness.Transport.LastRequest(SipMethods.Register), 200, "OK", "r", (HeaderNames.Expires, "3600")));

        await harness.Receive(Options("z9hG4bKo1"), from: FakeServerResolver.At(2));
        await harness.Receive(Options("z9hG4bKo2"), from: FakeServerResolver.At(9));

        Assert.Single(harness.Transport.Responses(200));
        Assert.Equal(1, await harness.OnLoop(() => harness.Agent.UntrustedDropped));
    }

    private async Task SendMessage()
    {
        await harness.OnLoop(() => harness.Agent.SendMessage("102", "text/plain", "hi"u8.ToArray()));
        await harness.Resolved();
    }

    private static string Options(string branch = "z9hG4bKopt") =>
        "OPTIONS sip:101@127.0.0.1:5070 SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 10.0.0.1:5060;branch={branch}\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: <sip:pbx@deskphone.lab>;tag=o\r\n" +
        "To: <sip:101@deskphone.lab>\r\n" +
        $"Call-ID: {branch}@pbx\r\n" +
        "CSeq: 1 OPTIONS\r\n" +
        "Content-Length: 0\r\n\r\n";
}
