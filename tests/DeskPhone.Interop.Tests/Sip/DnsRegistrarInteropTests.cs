using System.Diagnostics;
using System.Globalization;
using System.Net;
using DeskPhone.Interop.Tests.Lab;
using DeskPhone.Interop.Tests.Peers;
using DeskPhone.Interop.Tests.Phone;
using Xunit.Abstractions;

namespace DeskPhone.Interop.Tests.Sip;

/// <summary>
/// The registrar by name (RFC 3263) against real servers: dnsmasq on loopback serves the SRV
/// records of _sip._udp.deskphone.lab, pointing at lab Kamailio instances; the phone is
/// configured with the domain only. It registers with the priority-1 registrar, fails over to the
/// second when the first stops (§4.3), and after a registrar restart (bindings lost) is
/// reachable again within one refresh. Short timers keep each run under ~20 s: a 10 s
/// registration (refreshed every 5 s) and T1 = 100 ms (a request is given up after 6.4 s).
/// </summary>
public sealed class DnsRegistrarInteropTests(ITestOutputHelper output)
{
    private const string Domain = "deskphone.lab";
    private const string Service = "_sip._udp.deskphone.lab";
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan TransactionTimeout = TimeSpan.FromMilliseconds(100 * 64);

    [Fact]
    public async Task Phone_RegistersThroughSrvWithThePriorityOneRegistrar_AndFailsOverToTheSecondWhenItStops()
    {
        await using var first = await KamailioLab.StartAsync();
        await using var second = await KamailioLab.StartAsync();
        await using var dns = await DnsmasqLab.StartAsync(Domain,
        [
            DnsmasqLab.Srv(Service, "pbx2.deskphone.lab", second.Port, priority: 20, weight: 50),
            DnsmasqLab.Srv(Service, "pbx1.deskphone.lab", first.Port, priority: 10, weight: 50),
            DnsmasqLab.Host("pbx1.deskphone.lab", IPAddress.Loopback),
            DnsmasqLab.Host("pbx2.deskphone.lab", IPAddress.Loopback),
        ]);
        await using var phone = LabPhone.Start(first, "186", extraSettings: ByDomain(dns));
        await Report(phone, dns, [first, second], async () =>
        {
            await phone.WaitForScreenAsync("Registered");
            Assert.Single(await first.RegisteredContactsAsync("186"));
            Assert.Empty(await second.RegisteredContactsAsync("186"));
            Assert.Equal(first.EndPoint, await phone.Runtime.Loop.InvokeAsync(() => phone.Runtime.Agent.NextHop));
            Assert.Contains($"query[SRV] {Service}", dns.Log);

            var stopped = Stopwatch.StartNew();
            await first.DisposeAsync();

            // The next refresh (within 5 s) gets no answer; after Timer F it goes to the second registrar.
            var rebound = await WaitForBindingAsync(second, "186", RefreshInterval + TransactionTimeout + TimeSpan.FromSeconds(8));
            output.WriteLine($"bound at the second registrar {stopped.Elapsed.TotalSeconds:0.0} s after the first stopped: {rebound}");
            Assert.Equal(second.EndPoint, await phone.Runtime.Loop.InvokeAsync(() => phone.Runtime.Agent.NextHop));
            Assert.Contains($"REGISTER to {first.EndPoint} failed; trying {second.EndPoint}", phone.Log);
            await phone.WaitForScreenAsync("Registered");
        });
    }

    [Fact]
    public async Task RegistrarRestarts_ThePhoneIsBoundAgainWithinOneRefresh_AndBaresipCanCallIt()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var lab = await KamailioLab.StartAsync();
        await using var dns = await DnsmasqLab.StartAsync(Domain,
        [
            DnsmasqLab.Srv(Service, "pbx1.deskphone.lab", lab.Port, priority: 10, weight: 50),
            DnsmasqLab.Host("pbx1.deskphone.lab", IPAddress.Loopback),
        ]);
        await using var phone = LabPhone.Start(lab, "187", extraSettings: ByDomain(dns));
        await Report(phone, dns, [lab], async () =>
        {
            await phone.WaitForScreenAsync("Registered");
            Assert.Single(await lab.RegisteredContactsAsync("187"));

            await lab.RestartAsync(deadline.Token);
            var restarted = Stopwatch.StartNew();

            // Kamailio keeps bindings in memory: the restart lost the phone's.
            Assert.Empty(await lab.RegisteredContactsAsync("187"));
            var contact = await WaitForBindingAsync(lab, "187", RefreshInterval + TimeSpan.FromSeconds(3));
            output.WriteLine($"bound again {restarted.Elapsed.TotalSeconds:0.0} s after the registrar restarted: {contact}");

            await using var peer = await BaresipPeer.StartAsync(
                new BaresipPeerOptions { User = "201", Password = lab.Password("201"), Registrar = lab.EndPoint.ToString(), AutoAnswer = false },
                deadline.Token);
            await peer.DialAsync($"sip:187@{lab.EndPoint}", deadline.Token);

            await phone.WaitForScreenAsync("Incoming call");
            await peer.WaitForEventAsync("CALL_RINGING", TimeSpan.FromSeconds(10), deadline.Token);
            await peer.HangupAsync(deadline.Token);
        });
    }

    [Fact]
    public async Task Phone_WithAnOutboundProxy_RegistersThroughIt_WithALooseRouteAndTheDomainInTheRequestUri()
    {
        await using var lab = await KamailioLab.StartAsync();
        await using var dns = await DnsmasqLab.StartAsync(Domain, [DnsmasqLab.Host("proxy.deskphone.lab", IPAddress.Loopback)]);
        var settings = ByDomain(dns);
        settings["Sip:OutboundProxy"] = $"proxy.deskphone.lab:{lab.Port}";
        await using var phone = LabPhone.Start(lab, "188", extraSettings: settings);
        await Report(phone, dns, [lab], async () =>
        {
            await phone.WaitForScreenAsync("Registered");

            Assert.Single(await lab.RegisteredContactsAsync("188"));
            Assert.Contains($"SIP to {lab.EndPoint}:\nREGISTER sip:{Domain} SIP/2.0", phone.Log);
            Assert.Contains($"Route: <sip:proxy.deskphone.lab:{lab.Port};lr>", phone.Log);

            // The registrar's name is never looked up: only the proxy's (RFC 3261 §8.1.2).
            Assert.Contains("query[A] proxy.deskphone.lab", dns.Log);
            Assert.DoesNotContain($"query[SRV] {Service}", dns.Log);
        });
    }

    /// <summary>The phone configured with the SIP domain only, asking the lab's DNS server.</summary>
    private static Dictionary<string, string?> ByDomain(DnsmasqLab dns) => new()
    {
        ["Account:Domain"] = Domain,
        ["Sip:Registrar"] = Domain,
        ["Sip:DnsServers:0"] = dns.EndPoint.ToString(),
        ["Sip:RegisterExpires"] = "10",
        ["Sip:TimerT1Milliseconds"] = "100",
    };

    /// <summary>Waits (bounded) until <paramref name="extension"/> has a binding at <paramref name="lab"/>; returns it.</summary>
    private static async Task<string> WaitForBindingAsync(KamailioLab lab, string extension, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (await lab.RegisteredContactsAsync(extension) is [var contact, ..])
            {
                return contact;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new Xunit.Sdk.XunitException(string.Create(CultureInfo.InvariantCulture, $"{extension} was not bound at {lab.EndPoint} within {limit.TotalSeconds} s"));
    }

    /// <summary>Runs the test; on failure writes the phone's, dnsmasq's and the registrars' logs.</summary>
    private async Task Report(LabPhone phone, DnsmasqLab dns, IReadOnlyList<KamailioLab> labs, Func<Task> test)
    {
        try
        {
            await test();
        }
        catch
        {
            output.WriteLine("dnsmasq:\n" + dns.Log);
            foreach (var lab in labs)
            {
                output.WriteLine(lab.DescribeFailure());
            }

            output.WriteLine("phone:\n" + phone.Log);
            throw;
        }
    }
}
