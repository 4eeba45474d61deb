using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using DeskPhone.Interop.Tests.Audio;

namespace DeskPhone.Interop.Tests.Peers;

/// <summary>
/// A real second phone for interop tests: one baresip 1.0.0 process on 127.0.0.1, with its own
/// temporary config directory, driven over its ctrl_tcp socket (JSON in netstrings). It can dial,
/// answer, hang up and send MESSAGE; it sends a sine tone or a WAV file and records what it receives.
/// Events and the process log are kept so failures explain themselves.
/// </summary>
internal sealed class BaresipPeer : IAsyncDisposable
{
    /// <summary>Printed by baresip once modules and accounts are loaded (ctrl_tcp is listening by then).</summary>
    private const string ReadyLine = "baresip is ready.";

    /// <summary>ctrl_tcp failing to listen does not stop baresip, so the log must be checked for it.</summary>
    private const string ControlListenFailure = "ctrl_tcp: failed to listen";

    /// <summary>Start of the log line where baresip reports a registration's final status.</summary>
    private const string RegistrationResultPrefix = "reg: ";

    private static readonly TimeSpan ReasonGrace = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    // baresip's quit waits for open SIP transactions (e.g. a MESSAGE to a dead address retransmits for
    // 32 s, RFC 3261 timer F); a test peer is killed rather than waited for after this long.
    private static readonly TimeSpan QuitGrace = TimeSpan.FromSeconds(1);

    private readonly BaresipPeerOptions _options;
    private readonly BaresipSetup _setup;
    private readonly Process _process;
    private readonly ProcessOutputLog _log;
    private readonly BaresipEventLog _events;
    private BaresipControlChannel? _control;
    private bool _disposed;

    private BaresipPeer(BaresipPeerOptions options, BaresipSetup setup, Process process, ProcessOutputLog log)
    {
        _options = options;
        _setup = setup;
        _process = process;
        _log = log;
        _events = new BaresipEventLog(options.TimeProvider);
    }

    /// <summary>The account's SIP user.</summary>
    public string User => _options.User;

    /// <summary>Local SIP port (UDP and TCP).</summary>
    public int SipPort => _setup.SipPort;

    /// <summary>Local SIP-over-TLS port, which baresip always opens next to the SIP port.</summary>
    public int TlsPort => _setup.SipPort + 1;

    /// <summary>The ctrl_tcp port.</summary>
    public int ControlPort => _setup.ControlPort;

    /// <summary>Where to call this peer directly, without a registrar: <c>sip:user@127.0.0.1:port</c>.</summary>
    public string Uri => string.Create(CultureInfo.InvariantCulture, $"sip:{User}@127.0.0.1:{SipPort}");

    /// <summary>The temporary directory holding config, accounts, contacts and recordings; deleted on dispose.</summary>
    public string ConfigDirectory => _setup.ConfigDirectory;

    /// <summary>Where the sndfile filter writes each call's audio.</summary>
    public string RecordingDirectory => _setup.RecordingDirectory;

    /// <summary>baresip's stdout and stderr so far (with SIP messages when <see cref="BaresipPeerOptions.SipTrace"/> is on).</summary>
    public string Log => _log.Text;

    /// <summary>Every ctrl_tcp event so far, oldest first.</summary>
    public IReadOnlyList<BaresipEvent> Events => _events.Snapshot();

    /// <summary>
    /// WAV files of the decoded received audio (8 kHz mono for G.711), one per call, oldest first.
    /// sndfile names them by the second the call's audio started, so calls less than a second apart share a file.
    /// </summary>
    public IReadOnlyList<string> ReceivedAudioFiles => Recordings("-dec.wav");

    /// <summary>WAV files of the audio sent (after resampling, before encoding), one per call, oldest first.</summary>
    public IReadOnlyList<string> SentAudioFiles => Recordings("-enc.wav");

    /// <summary>The received-audio file of the latest call, or null before any call had audio.</summary>
    public string? RecordedAudioPath => ReceivedAudioFiles.LastOrDefault();

    /// <summary>
    /// Starts baresip and waits until its control socket answers and, with a registrar, until it is
    /// registered. Throws with baresip's log when it does not get there within
    /// <see cref="BaresipPeerOptions.StartTimeout"/>, and with a "run make deps" hint when baresip is missing.
    /// </summary>
    public static async Task<BaresipPeer> StartAsync(BaresipPeerOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        BaresipOptionsValidator.Validate(options);
        var installation = BaresipInstallation.Find(options.Executable)
            ?? throw new InvalidOperationException($"{BaresipInstallation.NotInstalledHint} (looked for '{options.Executable}' and its g711.so module)");

        var (sampleRate, channels) = SourceFormat(options.AudioSource);
        var directory = Directory.CreateTempSubdirectory("baresip-peer-").FullName;
        var sipPort = options.SipPort != 0 ? options.SipPort : LoopbackPorts.FreeSipPort();
        var setup = new BaresipSetup(directory, installation.ModuleDirectory, sipPort, LoopbackPorts.FreeTcpPort(), sampleRate, channels);
        BaresipConfigFiles.WriteAll(options, setup);

        var log = new ProcessOutputLog(options.TimeProvider);
        Process process;
        try
        {
            process = StartProcess(installation.Executable, options, setup, log);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }

        var peer = new BaresipPeer(options, setup, process, log);
        try
        {
            await peer.WaitUntilReadyAsync(ct);
            return peer;
        }
        catch
        {
            await peer.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Places a call (<c>dial</c>), e.g. to another peer's <see cref="Uri"/> or to "sip:101@127.0.0.1:5060".
    /// baresip accepts the command even for an unreachable or malformed URI: the outcome is an event
    /// (CALL_RINGING, CALL_ESTABLISHED or CALL_CLOSED with the reason as its param).
    /// </summary>
    public Task DialAsync(string uri, CancellationToken ct = default) => RunAsync("dial", uri, ct);

    /// <summary>Hangs up the current call, or cancels it while ringing (<c>hangup</c>).</summary>
    public Task HangupAsync(CancellationToken ct = default) => RunAsync("hangup", string.Empty, ct);

    /// <summary>Answers the ringing incoming call (<c>accept</c>).</summary>
    public Task AcceptAsync(CancellationToken ct = default) => RunAsync("accept", string.Empty, ct);

    /// <summary>
    /// Sends a SIP MESSAGE (RFC 3428) with <paramref name="text"/> to <paramref name="uri"/>, which must be
    /// one of <see cref="BaresipPeerOptions.MessageContacts"/>: baresip 1.0 only messages its current
    /// contact, so this steps through the contacts until that one is current. Returns once baresip has
    /// sent the request; its final response is visible in <see cref="Log"/> with SIP trace on.
    /// </summary>
    public async Task SendMessageAsync(string uri, string text, CancellationToken ct = default)
    {
        if (!_options.MessageContacts.Contains(uri, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{uri}' is not in BaresipPeerOptions.MessageContacts", nameof(uri));
        }

        for (var step = 0; step < _options.MessageContacts.Count; step++)
        {
            var contacts = await RunAsync("contacts", string.Empty, ct);
            if (BaresipOutput.IsCurrentContact(contacts.Data, uri))
            {
                await RunAsync("message", text, ct);
                return;
            }

            await RunAsync("contact_next", string.Empty, ct);
        }

        throw new InvalidOperationException(Describe($"could not make {uri} the current contact"));
    }

    /// <summary>
    /// Sends any ctrl_tcp command (the menu's long command names, e.g. "reginfo", "listcalls") and
    /// returns baresip's answer. Throws <see cref="TimeoutException"/> after <see cref="BaresipPeerOptions.CommandTimeout"/>.
    /// </summary>
    public async Task<BaresipResponse> SendCommandAsync(string command, string parameters = "", CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var control = _control ?? throw new InvalidOperationException(Describe("the control connection is not open"));
        using var timeout = new CancellationTokenSource(_options.CommandTimeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            return await control.SendAsync(command, parameters, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new TimeoutException(Describe($"no answer to '{command}' within {_options.CommandTimeout.TotalSeconds:0.#} s"));
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException(Describe($"'{command}' failed: {e.Message}"), e);
        }
    }

    /// <summary>
    /// Waits for the oldest not yet waited-for event of this type (e.g. "CALL_INCOMING", "CALL_ESTABLISHED",
    /// "CALL_CLOSED", "REGISTER_OK"); events that arrived before the call count. Throws
    /// <see cref="TimeoutException"/> with the events and log when none arrives in time.
    /// </summary>
    public Task<BaresipEvent> WaitForEventAsync(string eventType, TimeSpan timeout, CancellationToken ct = default) =>
        WaitForEventAsync(e => e.Type == eventType, eventType, timeout, ct);

    /// <summary>Like <see cref="WaitForEventAsync(string, TimeSpan, CancellationToken)"/> with any condition; <paramref name="description"/> names it in the error.</summary>
    public async Task<BaresipEvent> WaitForEventAsync(Func<BaresipEvent, bool> match, string description, TimeSpan timeout, CancellationToken ct = default)
    {
        var found = await _events.TakeAsync(match, timeout, ct);
        return found ?? throw new TimeoutException(Describe($"no {description} event within {timeout.TotalSeconds:0.#} s"));
    }

    /// <summary>Waits until a log line contains <paramref name="text"/> (e.g. a traced SIP request line).</summary>
    public async Task WaitForLogAsync(string text, TimeSpan timeout, CancellationToken ct = default)
    {
        if (!await _log.WaitForAsync(text, timeout, ct))
        {
            throw new TimeoutException(Describe($"'{text}' did not appear in the log within {timeout.TotalSeconds:0.#} s"));
        }
    }

    /// <summary>Reads the latest call's received audio; throws with the log when nothing was recorded.</summary>
    public WavAudio ReadReceivedAudio()
    {
        var path = RecordedAudioPath
            ?? throw new InvalidOperationException(Describe("no received audio was recorded (RecordAudio off, or no call with audio)"));
        return WavFile.Read(path);
    }

    /// <summary>Asks baresip to quit, kills it if it has not exited after a grace period, and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await StopProcessAsync();
        if (_control is not null)
        {
            await _control.DisposeAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_setup.ConfigDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory must not fail the test that used the peer; the OS cleans /tmp.
        }
    }

    private static (int SampleRate, int Channels) SourceFormat(BaresipAudioSource source) => source switch
    {
        // ausine refuses anything but 48 kHz stereo.
        BaresipAudioSource.Sine => (48000, 2),
        BaresipAudioSource.WavFile file => WavFormat(file.Path),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "unknown audio source"),
    };

    private static (int SampleRate, int Channels) WavFormat(string path)
    {
        var audio = WavFile.Read(path);
        return (audio.SampleRate, audio.Channels);
    }

    private static Process StartProcess(string executable, BaresipPeerOptions options, BaresipSetup setup, ProcessOutputLog log)
    {
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = setup.ConfigDirectory,
        };
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add(setup.ConfigDirectory);
        start.ArgumentList.Add("-t");
        start.ArgumentList.Add(((int)Math.Ceiling(options.MaxLifetime.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        if (options.SipTrace)
        {
            start.ArgumentList.Add("-s");
        }

        var process = new Process { StartInfo = start };

        // Raised on the process class's reader threads (thread-pool threads), one line at a time per stream.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                log.Append(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                log.Append(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        var clock = _options.TimeProvider;
        var started = clock.GetTimestamp();
        TimeSpan Remaining() => _options.StartTimeout - clock.GetElapsedTime(started);

        var ready = _log.WaitForAsync(ReadyLine, _options.StartTimeout, ct);
        var exited = _process.WaitForExitAsync(ct);
        if (await Task.WhenAny(ready, exited) == exited || !await ready)
        {
            ct.ThrowIfCancellationRequested();
            throw _process.HasExited
                ? new InvalidOperationException(Describe($"baresip exited during start-up with code {_process.ExitCode}"))
                : new TimeoutException(Describe($"baresip did not print '{ReadyLine}' within {_options.StartTimeout.TotalSeconds:0.#} s"));
        }

        if (_log.Contains(ControlListenFailure))
        {
            throw new InvalidOperationException(Describe($"ctrl_tcp could not listen on 127.0.0.1:{ControlPort}"));
        }

        while ((_control = await BaresipControlChannel.TryConnectAsync(ControlPort, _events.Add, ct)) is null)
        {
            if (Remaining() <= TimeSpan.Zero)
            {
                throw new TimeoutException(Describe($"ctrl_tcp on 127.0.0.1:{ControlPort} refused connections"));
            }

            await Task.Delay(PollInterval, clock, ct);
        }

        if (_options.Registrar is not null)
        {
            await WaitUntilRegisteredAsync(Remaining, ct);
        }
    }

    /// <summary>
    /// Polls <c>reginfo</c> rather than waiting for REGISTER_OK/REGISTER_FAIL: registration can finish
    /// before the control connection exists, and then its event never reaches us.
    /// </summary>
    private async Task WaitUntilRegisteredAsync(Func<TimeSpan> remaining, CancellationToken ct)
    {
        while (true)
        {
            var info = await SendCommandAsync("reginfo", string.Empty, ct);
            if (BaresipOutput.IsRegistered(info.Data))
            {
                return;
            }

            if (BaresipOutput.IsRegistrationFailed(info.Data))
            {
                // The reason is only logged ("reg: <aor>: 403 Forbidden"), and stdout can lag the control socket.
                await _log.WaitForAsync(RegistrationResultPrefix, ReasonGrace, ct);
                throw new InvalidOperationException(Describe($"registration with {_options.Registrar} failed (the reason is on the log's \"reg:\" line)"));
            }

            if (remaining() <= TimeSpan.Zero)
            {
                throw new TimeoutException(Describe($"not registered with {_options.Registrar} within {_options.StartTimeout.TotalSeconds:0.#} s; reginfo: {info.Data.Trim()}"));
            }

            await Task.Delay(PollInterval, _options.TimeProvider, ct);
        }
    }

    private async Task<BaresipResponse> RunAsync(string command, string parameters, CancellationToken ct)
    {
        var response = await SendCommandAsync(command, parameters, ct);
        if (!response.Ok)
        {
            throw new InvalidOperationException(Describe($"baresip refused '{command} {parameters}': {response.Data.Trim()}"));
        }

        return response;
    }

    private async Task StopProcessAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        if (_control is not null)
        {
            try
            {
                await _control.PostAsync("quit", CancellationToken.None);
            }
            catch (SocketException)
            {
                // baresip is already closing the connection; it is killed below if it does not exit.
            }
        }

        using var grace = new CancellationTokenSource(QuitGrace, _options.TimeProvider);
        try
        {
            await _process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private IReadOnlyList<string> Recordings(string suffix)
    {
        if (!Directory.Exists(_setup.RecordingDirectory))
        {
            return [];
        }

        var files = Directory.GetFiles(_setup.RecordingDirectory, "*" + suffix);
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    private string Describe(string problem) =>
        $"baresip peer {Uri}: {problem}\n--- events ---\n{string.Join('\n', _events.Snapshot())}\n--- baresip log ---\n{_log.Text}";
}
