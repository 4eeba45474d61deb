using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DeskPhone.Interop.Tests.Lab;

/// <summary>
/// A private DNS server for the lab: dnsmasq (Debian's) in the foreground on udp:127.0.0.1:<see cref="Port"/>
/// (an ephemeral port), authoritative for one domain and answering only from the records it is
/// started with: no upstream servers, no /etc/hosts. Started and stopped by the test.
/// <c>await using var dns = await DnsmasqLab.StartAsync("deskphone.lab", [DnsmasqLab.Srv(...), DnsmasqLab.Host(...)]);</c>
/// </summary>
public sealed class DnsmasqLab : IAsyncDisposable
{
    private const int StartAttempts = 3;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(5);

    private readonly LabLog log = new();
    private Process? process;
    private Thread[] logReaders = [];

    private DnsmasqLab()
    {
    }

    public int Port { get; private set; }

    /// <summary>Where to ask: 127.0.0.1:<see cref="Port"/>, as Sip:DnsServers takes it.</summary>
    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    /// <summary>Everything dnsmasq printed, with one line per query (--log-queries).</summary>
    public string Log => log.ToString();

    /// <summary>An SRV record (RFC 2782): <paramref name="service"/> is served by <paramref name="target"/>:<paramref name="port"/>.</summary>
    public static string Srv(string service, string target, int port, int priority, int weight) =>
        string.Create(CultureInfo.InvariantCulture, $"--srv-host={service},{target},{port},{priority},{weight}");

    /// <summary>An A record, and its PTR.</summary>
    public static string Host(string name, IPAddress address) => $"--host-record={name},{address}";

    /// <param name="domain">Names under it that have no record get NXDOMAIN (--local) instead of REFUSED.</param>
    /// <param name="records">Options made by <see cref="Srv"/> and <see cref="Host"/>.</param>
    public static async Task<DnsmasqLab> StartAsync(string domain, IReadOnlyList<string> records, CancellationToken cancellationToken = default)
    {
        var path = LabTools.Require("dnsmasq");
        var lab = new DnsmasqLab();
        try
        {
            for (var attempt = 1; attempt <= StartAttempts; attempt++)
            {
                lab.Port = FreeUdpPort();
                var mark = lab.log.Length;
                lab.process = lab.Launch(path, domain, records);
                if (await lab.WaitForAnswerAsync(domain, cancellationToken))
                {
                    return lab;
                }

                lab.Stop();
                if (!lab.log.Since(mark).Contains("Address already in use", StringComparison.Ordinal))
                {
                    break;
                }
            }

            throw new InvalidOperationException($"dnsmasq did not answer on {lab.EndPoint} within {ReadyTimeout}; log:\n{lab.Log}");
        }
        catch
        {
            lab.Stop();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private Process Launch(string path, string domain, IReadOnlyList<string> records)
    {
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "--no-daemon",
            "--log-queries",
            "--log-facility=-",
            $"--port={Port.ToString(CultureInfo.InvariantCulture)}",
            "--listen-address=127.0.0.1",
            "--bind-interfaces",
            "--no-resolv",
            "--no-hosts",
            "--pid-file=",
            // dnsmasq drops root privileges to the user "nobody" unless told to stay who it is.
            $"--user={Environment.UserName}",
            $"--local=/{domain}/",
            "--local-ttl=30",
        ];
        foreach (var argument in arguments.Concat(records))
        {
            start.ArgumentList.Add(argument);
        }

        log.Append($"--- starting dnsmasq on udp:127.0.0.1:{Port}: {string.Join(' ', start.ArgumentList)}");
        var started = Process.Start(start) ?? throw new InvalidOperationException("Could not start dnsmasq.");
        logReaders = LabProcessPipes.CopyToLog(started, log, "dnsmasq");
        return started;
    }

    /// <summary>Asks for the domain's A record until any answer comes (an answer, even NXDOMAIN, proves it serves).</summary>
    private async Task<bool> WaitForAnswerAsync(string domain, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var buffer = new byte[512];
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < ReadyTimeout && process is { HasExited: false })
        {
            await socket.SendToAsync(Query(domain), SocketFlags.None, EndPoint, cancellationToken);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(TimeSpan.FromMilliseconds(200));
            try
            {
                await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), wait.Token);
                return true;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }
            catch (SocketException)
            {
                // Port unreachable: not bound yet. Wait before asking again.
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }

        return false;
    }

    /// <summary>A standard query for an A record (RFC 1035 §4.1), ID 1, recursion desired.</summary>
    private static byte[] Query(string name)
    {
        var bytes = new List<byte> { 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0 };
        foreach (var label in name.Split('.'))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }

        bytes.AddRange([0, 0, 1, 0, 1]);
        return [.. bytes];
    }

    private void Stop()
    {
        var running = process;
        process = null;
        if (running is not null)
        {
            LabProcessPipes.Stop(running, logReaders, TimeSpan.FromSeconds(3));
        }
    }

    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
