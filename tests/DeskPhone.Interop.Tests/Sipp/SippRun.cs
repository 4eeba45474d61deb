using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DeskPhone.Interop.Tests.Lab;

namespace DeskPhone.Interop.Tests.Sipp;

/// <summary>
/// One SIPp run on 127.0.0.1 with its own SIP and media ports, bounded by SIPp's own -timeout:
/// as a UAC calling the phone (<see cref="Start(string, IPEndPoint)"/>), or as a UAS the phone
/// calls (<see cref="StartServer"/>), with a scenario from Scenarios/. Messages, errors, the
/// scenario's &lt;log&gt; actions and the statistics are traced to files in a temporary folder,
/// so a test can check what was on the wire and a failure can show it.
/// </summary>
internal sealed class SippRun : IAsyncDisposable
{
    /// <summary>SIPp gives up (and fails) after this long unless the options say otherwise; every one-call scenario ends well within it.</summary>
    public static readonly TimeSpan ScenarioLimit = TimeSpan.FromSeconds(15);

    private readonly Process process;
    private readonly string folder;
    private readonly TimeSpan limit;
    private readonly StringBuilder output = new();

    private SippRun(Process process, string folder, IPEndPoint endPoint, TimeSpan limit)
    {
        this.process = process;
        this.folder = folder;
        this.limit = limit;
        EndPoint = endPoint;
    }

    /// <summary>Where SIPp listens and sends from.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>Starts SIPp calling extension 101 at <paramref name="phone"/> once with Scenarios/<paramref name="scenario"/>.xml.</summary>
    public static SippRun Start(string scenario, IPEndPoint phone) => Start(scenario, phone, new SippRunOptions());

    /// <summary>
    /// Starts SIPp calling extension 101 at <paramref name="phone"/> with Scenarios/<paramref name="scenario"/>.xml,
    /// <see cref="SippRunOptions.Calls"/> times, one call at a time.
    /// </summary>
    public static SippRun Start(string scenario, IPEndPoint phone, SippRunOptions options) =>
        Launch(scenario, options, [phone.ToString(), "-s", "101", "-l", "1"]);

    /// <summary>
    /// Starts SIPp as a UAS with Scenarios/<paramref name="scenario"/>.xml: it waits on
    /// <see cref="EndPoint"/> for the phone, and each new Call-ID it receives is a call of the
    /// scenario; it exits once <see cref="SippRunOptions.Calls"/> of them have ended.
    /// </summary>
    public static SippRun StartServer(string scenario, SippRunOptions options) => Launch(scenario, options, []);

    /// <summary>The messages SIPp sent and received so far, in order.</summary>
    public IReadOnlyList<SippTraceEntry> Trace => SippTraceEntry.Parse(ReadIfExists("messages.log"));

    /// <summary>The lines the scenario's &lt;log&gt; actions wrote so far (an action runs only for a message SIPp took, never for one it dropped).</summary>
    public IReadOnlyList<string> Logged =>
        File.Exists(Path.Combine(folder, "actions.log"))
            ? File.ReadAllLines(Path.Combine(folder, "actions.log")).Where(l => l.Length > 0).ToList()
            : [];

    /// <summary>SIPp's final statistics (-trace_stat), written when it exits.</summary>
    public SippStatistics Statistics => SippStatistics.Parse(ReadIfExists("statistics.csv"));

    /// <summary>What SIPp said and traced, for a failure message.</summary>
    public string Report
    {
        get
        {
            lock (output)
            {
                return $"sipp output:\n{output}\nsipp errors:\n{ReadIfExists("errors.log")}\nsipp messages:\n{ReadIfExists("messages.log")}";
            }
        }
    }

    /// <summary>
    /// Waits (at most 10 s) until SIPp's trace, which it writes as each message goes, holds a
    /// message matching <paramref name="match"/>; fails naming <paramref name="what"/>.
    /// </summary>
    public Task UntilTracedAsync(Func<SippTraceEntry, bool> match, string what) =>
        UntilTracedAsync(trace => trace.Any(match), what);

    /// <summary>Waits (at most 10 s) until SIPp's whole trace so far satisfies <paramref name="holds"/>; fails naming <paramref name="what"/>.</summary>
    public Task UntilTracedAsync(Func<IReadOnlyList<SippTraceEntry>, bool> holds, string what) =>
        UntilAsync(() => holds(Trace), $"SIPp never traced {what}");

    /// <summary>Waits (at most 10 s) until the scenario's &lt;log&gt; actions wrote <paramref name="count"/> lines containing <paramref name="text"/>.</summary>
    public Task UntilLoggedAsync(string text, int count) =>
        UntilAsync(() => Logged.Count(l => l.Contains(text, StringComparison.Ordinal)) >= count, $"SIPp never logged '{text}' {count} time(s)");

    /// <summary>Waits for SIPp to finish (within its own limit and a margin) and returns its exit code: 0 when every call passed.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var deadline = new CancellationTokenSource(limit + TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(deadline.Token);
        return process.ExitCode;
    }

    /// <summary>
    /// A go-ahead for a scenario waiting in <c>&lt;recv request="INFO"/&gt;</c>: an INFO in the call
    /// <paramref name="callId"/> from a socket of the test. SIPp sends everything to the phone, so
    /// it does not answer, and the test expects nothing back.
    /// </summary>
    public async Task SendGoAheadAsync(string callId, int sequence)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var local = (IPEndPoint)socket.LocalEndPoint!;
        var info = string.Create(
            CultureInfo.InvariantCulture,
            $"INFO sip:sipp@{EndPoint} SIP/2.0\r\nVia: SIP/2.0/UDP {local};branch=z9hG4bKgo{sequence}\r\n" +
            $"From: <sip:test@{local}>;tag=test\r\nTo: <sip:sipp@{EndPoint}>\r\nCall-ID: {callId}\r\nCSeq: {sequence} INFO\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
        await socket.SendToAsync(Encoding.ASCII.GetBytes(info), SocketFlags.None, EndPoint);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static SippRun Launch(string scenario, SippRunOptions options, IEnumerable<string> role)
    {
        var folder = Directory.CreateTempSubdirectory("deskphone-sipp-").FullName;
        var sipPort = FreeUdpPorts(1);
        var mediaPort = FreeUdpPorts(4);
        var start = new ProcessStartInfo(LabTools.Require("sipp"))
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        var arguments = role.Concat(
        [
            "-sf", ScenarioPath(scenario),
            "-i", "127.0.0.1", "-p", sipPort.ToString(CultureInfo.InvariantCulture),
            "-mp", mediaPort.ToString(CultureInfo.InvariantCulture),
            "-m", options.Calls.ToString(CultureInfo.InvariantCulture),
            "-timeout", $"{options.Limit.TotalSeconds:0}s", "-timeout_error", "-nostdin",
            "-trace_msg", "-message_file", Path.Combine(folder, "messages.log"),
            "-trace_err", "-error_file", Path.Combine(folder, "errors.log"),
            "-trace_logs", "-log_file", Path.Combine(folder, "actions.log"),
            "-trace_stat", "-stf", Path.Combine(folder, "statistics.csv"),
        ]);
        if (options.LostPercent is { } lost)
        {
            arguments = arguments.Concat(["-lost", lost.ToString(CultureInfo.InvariantCulture)]);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("sipp did not start");
        var run = new SippRun(process, folder, new IPEndPoint(IPAddress.Loopback, sipPort), options.Limit);
        process.OutputDataReceived += (_, line) => run.Append(line.Data);
        process.ErrorDataReceived += (_, line) => run.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Polls SIPp's files (it writes them as it goes) every 20 ms for at most 10 s, and fails early once SIPp has exited.</summary>
    private async Task UntilAsync(Func<bool> condition, string failure)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            // SIPp writes its files before it exits: once it has, one more look is the last.
            var exited = process.HasExited;
            if (exited && condition())
            {
                return;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline && !exited, $"{failure}\n{Report}");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    private static string ScenarioPath(string scenario)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DeskPhone.sln")))
            {
                return Path.Combine(directory.FullName, "tests", "DeskPhone.Interop.Tests", "Sipp", "Scenarios", scenario + ".xml");
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds DeskPhone.sln, so the SIPp scenarios cannot be found.");
    }

    /// <summary>
    /// The first of <paramref name="count"/> consecutive free UDP ports on 127.0.0.1 (SIPp's media
    /// socket uses several from -mp). Another process could take one in between; SIPp then fails
    /// to bind and says so in its output.
    /// </summary>
    private static int FreeUdpPorts(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var first = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            first.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)first.LocalEndPoint!).Port;
            if (port + count <= IPEndPoint.MaxPort && Enumerable.Range(port + 1, count - 1).All(IsUdpFree))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"no {count} consecutive free UDP ports found on 127.0.0.1");
    }

    private static bool IsUdpFree(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private string ReadIfExists(string name)
    {
        var path = Path.Combine(folder, name);
        return File.Exists(path) ? File.ReadAllText(path) : "(none)";
    }
}
