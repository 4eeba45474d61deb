using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace DeskPhone.Interop.Tests.Lab;

/// <summary>
/// A private lab PBX: Kamailio with tests/lab/kamailio.cfg on udp:127.0.0.1:<see cref="Port"/>
/// (and tcp: on the same port when started with <see cref="StartWithTcpAsync"/>), started through
/// tests/lab/run-pbx.sh in its own temporary folder. Extensions 100-209 register
/// with digest credentials (<see cref="Password"/>); bindings live in memory only.
/// Use it as an xunit class or collection fixture, or directly:
/// <c>await using var lab = await KamailioLab.StartAsync();</c>
/// Members may be called from any thread; start and stop are not meant to overlap.
/// </summary>
public sealed class KamailioLab : IAsyncLifetime, IAsyncDisposable, IDisposable
{
    private const int StartAttempts = 3;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(3);

    private readonly LabLog log = new();
    private IReadOnlyDictionary<string, string> users = new Dictionary<string, string>();
    private Kamcmd? kamcmd;
    private Process? process;
    private Thread[] logReaders = [];
    private int disposed;

    /// <summary>For xunit; the PBX starts in <see cref="IAsyncLifetime.InitializeAsync"/>. Elsewhere use <see cref="StartAsync"/>.</summary>
    public KamailioLab()
    {
    }

    /// <summary>The PBX's UDP port on 127.0.0.1 (an ephemeral port, new for every lab).</summary>
    public int Port { get; private set; }

    /// <summary>Where to send SIP: 127.0.0.1:<see cref="Port"/>.</summary>
    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    /// <summary>Host part of the lab's addresses of record, e.g. sip:101@127.0.0.1. The PBX also accepts <see cref="Realm"/> as host.</summary>
    public string Domain => "127.0.0.1";

    /// <summary>The digest realm of every 401/407 challenge.</summary>
    public string Realm => "deskphone.lab";

    /// <summary>The temporary folder holding the control socket; deleted on dispose.</summary>
    public string WorkDirectory { get; private set; } = string.Empty;

    /// <summary>Everything Kamailio printed so far (its log goes to stderr).</summary>
    public string Log => log.ToString();

    /// <summary>The digest algorithm the PBX challenges with (MD5 unless started otherwise).</summary>
    public string DigestAlgorithm { get; private init; } = "MD5";

    /// <summary>True when the PBX also listens on tcp:127.0.0.1:<see cref="Port"/>.</summary>
    public bool Tcp { get; private init; }

    /// <summary>Starts a lab PBX and returns once it answers SIP; fails with its log if it does not within about 10 s.</summary>
    public static async Task<KamailioLab> StartAsync(CancellationToken cancellationToken = default) =>
        await StartAsync("MD5", cancellationToken);

    /// <summary>Starts a lab PBX that challenges with <paramref name="digestAlgorithm"/> (MD5 or SHA-256).</summary>
    public static async Task<KamailioLab> StartAsync(string digestAlgorithm, CancellationToken cancellationToken = default)
    {
        var lab = new KamailioLab { DigestAlgorithm = digestAlgorithm };
        await lab.StartCoreAsync(cancellationToken);
        return lab;
    }

    /// <summary>
    /// Starts a lab PBX that listens on tcp:127.0.0.1:<see cref="Port"/> as well as UDP. A TCP
    /// port of that number already taken counts as the "address in use" race, and is retried.
    /// </summary>
    public static async Task<KamailioLab> StartWithTcpAsync(CancellationToken cancellationToken = default)
    {
        var lab = new KamailioLab { Tcp = true };
        await lab.StartCoreAsync(cancellationToken);
        return lab;
    }

    /// <summary>The digest password of a lab extension ("pw" + extension for 100-209).</summary>
    /// <exception cref="ArgumentException">The extension is not in tests/lab/users.htable.</exception>
    public string Password(string extension) =>
        users.TryGetValue(extension, out var password)
            ? password
            : throw new ArgumentException($"{extension} is not a lab extension (see tests/lab/users.htable).", nameof(extension));

    /// <summary>The Contact URIs currently registered for <paramref name="extension"/>; empty when none.</summary>
    public Task<IReadOnlyList<string>> RegisteredContactsAsync(string extension, CancellationToken cancellationToken = default) =>
        (kamcmd ?? throw new InvalidOperationException("The lab PBX is not running.")).ContactsAsync(extension, cancellationToken);

    /// <summary>
    /// Stops Kamailio and starts it again on the same port and work folder, as a PBX restart: the
    /// registrations, held in memory only, are gone. Returns once it answers SIP again.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        Stop();
        process = Launch(LabPaths.LabDirectory());
        if (!await SipOptionsProbe.WaitForAnswerAsync(EndPoint, process, ReadyTimeout, cancellationToken))
        {
            throw new InvalidOperationException($"Kamailio did not come back on {EndPoint}. {DescribeFailure()}");
        }
    }

    /// <summary>
    /// Runs <paramref name="test"/>; if it throws, writes the Kamailio log lines produced while it
    /// ran to <paramref name="output"/> and rethrows.
    /// </summary>
    public async Task RunWithLogAsync(ITestOutputHelper output, Func<Task> test)
    {
        var mark = log.Length;
        try
        {
            await test();
        }
        catch
        {
            output.WriteLine($"Kamailio lab on {Transports}:{EndPoint}, log during the test:");
            output.WriteLine(log.Since(mark));
            throw;
        }
    }

    /// <summary>A failure report: where the lab ran and its whole log.</summary>
    public string DescribeFailure() => $"Kamailio lab on {Transports}:{EndPoint} (work dir {WorkDirectory}), log:\n{Log}";

    private string Transports => Tcp ? "udp+tcp" : "udp";

    Task IAsyncLifetime.InitializeAsync() => StartCoreAsync(CancellationToken.None);

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>Stops Kamailio (SIGTERM, then kill of the whole tree) and deletes the work folder.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        Stop();
        if (WorkDirectory.Length > 0 && Directory.Exists(WorkDirectory))
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var kamcmdPath = LabTools.Require("kamcmd");
        LabTools.Require("kamailio");
        var labDirectory = LabPaths.LabDirectory();
        users = LabUsers.Load(Path.Combine(labDirectory, "users.htable"));
        WorkDirectory = Directory.CreateTempSubdirectory("deskphone-lab-").FullName;
        kamcmd = new Kamcmd(kamcmdPath, Path.Combine(WorkDirectory, "kamailio.ctl"));

        try
        {
            var failure = string.Empty;
            for (var attempt = 1; attempt <= StartAttempts; attempt++)
            {
                Port = FreeUdpPort();
                var mark = log.Length;
                process = Launch(labDirectory);
                if (await SipOptionsProbe.WaitForAnswerAsync(EndPoint, process, ReadyTimeout, cancellationToken))
                {
                    return;
                }

                failure = process.HasExited
                    ? $"Kamailio exited with code {process.ExitCode} before answering OPTIONS."
                    : $"Kamailio did not answer OPTIONS within {ReadyTimeout}.";
                Stop();
                // The port was free when picked but another program may take it before
                // Kamailio binds it; only that race is worth another try.
                if (!log.Since(mark).Contains("Address already in use", StringComparison.Ordinal))
                {
                    break;
                }
            }

            throw new InvalidOperationException($"{failure} {DescribeFailure()}");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    private Process Launch(string labDirectory)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(labDirectory, "run-pbx.sh"));
        start.ArgumentList.Add(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(WorkDirectory);
        start.Environment["LAB_ALGORITHM"] = DigestAlgorithm;
        start.Environment["LAB_TCP"] = Tcp ? "1" : "0";

        log.Append($"--- starting Kamailio on {Transports}:127.0.0.1:{Port} in {WorkDirectory}");
        var started = Process.Start(start) ?? throw new InvalidOperationException("Could not start /bin/sh.");
        logReaders = LabProcessPipes.CopyToLog(started, log, "Kamailio");
        return started;
    }

    // run-pbx.sh execs Kamailio, so the started process is Kamailio's main process: SIGTERM
    // makes it stop its workers and exit; a kill of the whole tree is the fallback.
    private void Stop()
    {
        var running = process;
        process = null;
        if (running is not null)
        {
            LabProcessPipes.Stop(running, logReaders, StopTimeout);
        }
    }

    // Ask the kernel for an unused port, then free it for Kamailio; see the retry in StartCoreAsync.
    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
