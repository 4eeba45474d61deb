using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Hal.Simulator;

/// <summary>
/// Plays the earpiece sound on the PC's default ALSA device by piping raw PCM to an
/// <c>aplay</c> child process (alsa-utils), which avoids binding libasound from managed code
/// for a development-only path. If aplay cannot start or dies, the sound is discarded from
/// then on, for this run and every later one.
/// </summary>
/// <remarks>
/// The simulated device is paced by the PC's monotonic clock, the sound card by its own
/// crystal; the pipe buffer absorbs the small drift between them over a development session.
/// </remarks>
internal sealed class AplayPlaybackSink : IAudioPlaybackSink
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(2);

    private readonly string _aplayPath;
    private readonly ILogger _logger;
    private Process? _aplay;
    private PcmRing? _ring;
    private PcmStreamPump? _pump;
    private volatile bool _gaveUp;

    public AplayPlaybackSink(string aplayPath, ILogger logger)
    {
        _aplayPath = aplayPath;
        _logger = logger;
    }

    public string Description => _gaveUp || _pump?.Failed == true ? "none (aplay failed)" : "ALSA default device (aplay)";

    public void Open(AudioFormat format)
    {
        if (_gaveUp)
        {
            return;
        }

        var start = new ProcessStartInfo(_aplayPath)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in new[] { "-q", "-t", "raw", "-f", "S16_LE", "-r", format.SampleRate.ToString(CultureInfo.InvariantCulture), "-c", "1" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            _aplay = Process.Start(start) ?? throw new Win32Exception("aplay did not start");
        }
        catch (Win32Exception e)
        {
            _gaveUp = true;
            _logger.LogWarning(e, "Cannot start {Aplay}; the earpiece sound is discarded", _aplayPath);
            return;
        }

        // Its messages (underruns, device errors) must not scribble over a terminal front-end.
        _aplay.OutputDataReceived += ForwardMessage;
        _aplay.ErrorDataReceived += ForwardMessage;
        _aplay.BeginOutputReadLine();
        _aplay.BeginErrorReadLine();

        _ring = new PcmRing(format.SampleRate);
        _pump = new PcmStreamPump(_ring, _aplay.StandardInput.BaseStream, format.FrameSamples, format.FrameDuration / 2, "aplay", _logger);
        _pump.Start();
    }

    // REAL-TIME: no allocation, no lock, no logging
    public void Write(ReadOnlySpan<short> frame)
    {
        if (_pump is { Failed: false })
        {
            // A full ring means aplay is stalled; dropping the frame is the only thing that keeps the audio thread on time.
            _ring!.TryWrite(frame);
        }
    }

    public void Close()
    {
        if (_aplay is null || _pump is null)
        {
            return;
        }

        if (!_pump.StopAndDrain(DrainTimeout))
        {
            // aplay stopped reading: end it so the blocked write fails and the pump thread ends.
            _aplay.Kill();
            _pump.StopAndDrain(Timeout.InfiniteTimeSpan);
        }

        if (_pump.Failed)
        {
            _gaveUp = true;
        }

        try
        {
            // End of input tells aplay to play what it has and exit.
            _aplay.StandardInput.Close();
        }
        catch (IOException)
        {
            // aplay is already gone; nothing is left to flush.
        }

        if (!_aplay.WaitForExit(DrainTimeout))
        {
            _aplay.Kill();
        }

        _aplay.Dispose();
        _aplay = null;
        _pump = null;
        _ring = null;
    }

    private void ForwardMessage(object sender, DataReceivedEventArgs e)
    {
        if (!string.IsNullOrEmpty(e.Data))
        {
            _logger.LogDebug("aplay: {Message}", e.Data);
        }
    }
}
