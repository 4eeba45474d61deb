using System.Net;
using System.Net.Sockets;
using DeskPhone.Sip.Agent;

namespace DeskPhone.Sip.Tests.Agent;

/// <summary>RFC 3263 §4 look-ups over real DNS bytes, against <see cref="LoopbackDnsServer"/>.</summary>
public sealed class DnsServerResolverTests : IDisposable
{
    private readonly LoopbackDnsServer dns = new();
    private readonly DnsServerResolver resolver;

    public DnsServerResolverTests()
    {
        // The weighted draw always takes its largest value: the last record of a priority wins.
        resolver = new DnsServerResolver([dns.EndPoint], pick: max => max);
    }

    public void Dispose() => dns.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NameWithoutPort_UsesSrvByPriorityAndWeight_WithEachTargetsPort(bool additionals)
    {
        dns.SendAdditionals = additionals;
        dns.AddSrv("_sip._udp.lab.test", priority: 20, weight: 0, port: 5090, target: "backup.lab.test", ttl: 600);
        dns.AddSrv("_sip._udp.lab.test", priority: 10, weight: 10, port: 5070, target: "one.lab.test", ttl: 600);
        dns.AddSrv("_sip._udp.lab.test", priority: 10, weight: 90, port: 5080, target: "two.lab.test", ttl: 600);
        dns.AddA("one.lab.test", "127.0.0.11", ttl: 120);
        dns.AddA("two.lab.test", "127.0.0.12", ttl: 900);
        dns.AddA("backup.lab.test", "127.0.0.13", ttl: 900);

        var result = await Resolve("lab.test");

        Assert.Equal(["127.0.0.12:5080", "127.0.0.11:5070", "127.0.0.13:5090"], result.EndPoints.Select(e => e.ToString()));
        Assert.Equal(TimeSpan.FromSeconds(120), result.TimeToLive);
        Assert.Equal(additionals ? 1 : 4, dns.Questions.Count);
    }

    [Fact]
    public async Task Tcp_AsksForTheTcpService()
    {
        dns.AddSrv("_sip._tcp.lab.test", 10, 0, 5075, "one.lab.test");
        dns.AddA("one.lab.test", "127.0.0.11");

        var result = await Resolve("lab.test", "TCP");

        Assert.Equal("127.0.0.11:5075", Assert.Single(result.EndPoints).ToString());
        Assert.Equal(("_sip._tcp.lab.test", LoopbackDnsServer.Srv), dns.Questions[0]);
    }

    [Fact]
    public async Task NoSrv_FallsBackToTheAddressOn5060()
    {
        dns.AddA("pbx.lab.test", "127.0.0.21", ttl: 45);

        var result = await Resolve("pbx.lab.test");

        Assert.Equal("127.0.0.21:5060", Assert.Single(result.EndPoints).ToString());
        Assert.Equal(TimeSpan.FromSeconds(45), result.TimeToLive);
        Assert.Equal([("_sip._udp.pbx.lab.test", LoopbackDnsServer.Srv), ("pbx.lab.test", LoopbackDnsServer.A)], dns.Questions);
    }

    [Fact]
    public async Task NameWithPort_SkipsSrv_AndUsesEveryAddressOnThatPort()
    {
        dns.AddSrv("_sip._udp.pbx.lab.test", 10, 0, 5999, "elsewhere.lab.test");
        dns.AddA("pbx.lab.test", "127.0.0.21");
        dns.AddA("pbx.lab.test", "127.0.0.22");

        var result = await Resolve("pbx.lab.test:5070");

        Assert.Equal(["127.0.0.21:5070", "127.0.0.22:5070"], result.EndPoints.Select(e => e.ToString()));
        Assert.Equal([("pbx.lab.test", LoopbackDnsServer.A)], dns.Questions);
    }

    [Fact]
    public async Task Ipv6Socket_AsksForAaaa()
    {
        dns.AddAaaa("pbx.lab.test", "::1");

        var result = await resolver.ResolveAsync(Server("pbx.lab.test:5070"), "UDP", AddressFamily.InterNetworkV6, CancellationToken.None);

        Assert.Equal(new IPEndPoint(IPAddress.IPv6Loopback, 5070), Assert.Single(result.EndPoints));
    }

    [Fact]
    public async Task SrvTargetDot_MeansNoService()
    {
        dns.AddSrv("_sip._udp.lab.test", 0, 0, 0, ".");
        dns.AddA("lab.test", "127.0.0.21");

        var result = await Resolve("lab.test");

        Assert.Empty(result.EndPoints);
        Assert.Contains("no such service", result.Error);
    }

    [Fact]
    public async Task UnknownName_IsAnEmptyAnswerWithTheReason()
    {
        var result = await Resolve("nowhere.lab.test");

        Assert.Empty(result.EndPoints);
        Assert.Contains("nowhere.lab.test", result.Error);
    }

    [Fact]
    public async Task SilentDnsServer_IsAnEmptyAnswer_NotAnException()
    {
        using var silent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var unanswered = new DnsServerResolver([(IPEndPoint)silent.Client.LocalEndPoint!]);

        var result = await unanswered.ResolveAsync(Server("lab.test"), "UDP", AddressFamily.InterNetwork, CancellationToken.None);

        Assert.Empty(result.EndPoints);
        Assert.Contains("DNS failed for lab.test", result.Error);
    }

    [Fact]
    public async Task IpLiteral_AsksNothing()
    {
        var result = await Resolve("127.0.0.9");

        Assert.Equal("127.0.0.9:5060", Assert.Single(result.EndPoints).ToString());
        Assert.Equal(Timeout.InfiniteTimeSpan, result.TimeToLive);
        Assert.Empty(dns.Questions);
    }

    private Task<ResolvedTargets> Resolve(string server, string transport = "UDP") =>
        resolver.ResolveAsync(Server(server), transport, AddressFamily.InterNetwork, CancellationToken.None);

    private static ServerAddress Server(string text)
    {
        Assert.True(ServerAddress.TryParse(text, out var server, out var error), error);
        return server;
    }
}
