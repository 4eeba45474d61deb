using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DeskPhone.Interop.Tests.Lab;

namespace DeskPhone.Interop.Tests.Sipp;

/// <summary>
/// One SIPp run as a UAC against the phone: one call of a scenario from Scenarios/, on 127.0.0.1
/// with its own SIP and media ports, bounded by SIPp's own -timeout. Messages and errors are
/// traced to files in a temporary folder, so a failure can show what was on the wire.
/// </summary>
internal sealed class SippRun : IAsyncDisposable
{
    /// <summary>SIPp gives up (and fails) after this long; every scenario ends well within it.</summary>
    public static readonly TimeSpan ScenarioLimit = TimeSpan.FromSeconds(15);

    private readonly Process process;
    private readonly string folder;
    private readonly StringBuilder output = new();

    private SippRun(Process process, string folder, IPEndPoint endPoint)
    {
        this.process = process;
        this.folder = folder;
        EndPoint = endPoint;
    }

    /// <summary>Where SIPp listens and sends from.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>Starts SIPp calling extension 101 at <paramref name="phone"/> with Scenarios/<paramref name="scenario"/>.xml.</summary>
    public static SippRun Start(string scenario, IPEndPoint phone)
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
        foreach (var argument in new[]
        {
            phone.ToString(), "-sf", ScenarioPath(scenario), "-s", "101",
            "-i", "127.0.0.1", "-p", sipPort.ToString(CultureInfo.InvariantCulture),
            "-mp", mediaPort.ToString(CultureInfo.InvariantCulture),
            "-m", "1", "-l", "1", "-timeout", $"{ScenarioLimit.TotalSeconds:0}s", "-timeout_error", "-nostdin",
            "-trace_msg", "-message_file", Path.Combine(folder, "messages.log"),
            "-trace_err", "-error_file", Path.Combine(folder, "errors.log"),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("sipp did not start");
        var run = new SippRun(process, folder, new IPEndPoint(IPAddress.Loopback, sipPort));
        process.OutputDataReceived += (_, line) => run.Append(line.Data);
        process.ErrorDataReceived += (_, line) => run.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>The messages SIPp sent and received so far, in order.</summary>
    public IReadOnlyList<SippTraceEntry> Trace => SippTraceEntry.Parse(ReadIfExists("messages.log"));

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
    public async Task UntilTracedAsync(Func<SippTraceEntry, bool> match, string what)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        while (!Trace.Any(match))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline && !process.HasExited, $"SIPp never traced {what}\n{Report}");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>Waits for SIPp to finish (within its own limit and a margin) and returns its exit code: 0 when the call passed.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var deadline = new CancellationTokenSource(ScenarioLimit + TimeSpan.FromSeconds(10));
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
