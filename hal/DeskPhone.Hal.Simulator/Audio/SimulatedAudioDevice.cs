using System.Diagnostics;
using DeskPhone.Hal.Scheduling;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Hal.Simulator;

/// <summary>
/// The handset codec on a PC: a dedicated thread stands in for the sound card's clock and
/// calls the handler once per frame, feeding it a configured microphone signal and sending
/// what it renders to a configured sink.
/// </summary>
public sealed class SimulatedAudioDevice : IAudioDevice, IDisposable
{
    // How late the thread may fall (a GC pause, a loaded CI machine) before it stops trying to
    // catch up with a burst of frames and counts an overrun instead.
    private const int LateLimitFrames = 3;

    private readonly IAudioCaptureSource _capture;
    private readonly IAudioPlaybackSink _playback;
    private readonly ILogger _logger;
    private readonly int _realtimePriority;
    private readonly short[] _captureFrame;
    private readonly short[] _playbackFrame;
    private readonly Lock _control = new();
    private Thread? _thread;
    private volatile bool _stopRequested;
    private long _framesProcessed;
    private long _overruns;

    /// <param name="realtimePriority">1–99: the audio thread asks for SCHED_FIFO at this priority; 0: it does not.</param>
    internal SimulatedAudioDevice(AudioFormat format, IAudioCaptureSource capture, IAudioPlaybackSink playback, ILogger logger, int realtimePriority = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(realtimePriority);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(realtimePriority, RealtimeScheduling.MaxPriority);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(format.SampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(format.FrameSamples);
        Format = format;
        _capture = capture;
        _playback = playback;
        _logger = logger;
        _realtimePriority = realtimePriority;
        _captureFrame = new short[format.FrameSamples];
        _playbackFrame = new short[format.FrameSamples];
    }

    public AudioFormat Format { get; }

    /// <summary>Frames handled since the device was made, across runs. Readable from any thread.</summary>
    public long FramesProcessed => Volatile.Read(ref _framesProcessed);

    /// <summary>How often the audio thread fell too far behind and skipped ahead. Readable from any thread.</summary>
    public long Overruns => Volatile.Read(ref _overruns);

    /// <summary>Where the earpiece sound goes, for status lines.</summary>
    public string PlaybackDescription => _playback.Description;

    /// <summary>The in-memory earpiece recording when the sink is Memory, otherwise null.</summary>
    public MemoryPlaybackRecorder? Recorder => _playback as MemoryPlaybackRecorder;

    public bool IsRunning
    {
        get
        {
            lock (_control)
            {
                return _thread is not null;
            }
        }
    }

    /// <exception cref="InvalidOperationException">The device is already running.</exception>
    public void Start(IAudioFrameHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_control)
        {
            if (_thread is not null)
            {
                throw new InvalidOperationException("The simulated audio device is already running.");
            }

            _playback.Open(Format);
            _stopRequested = false;
            _thread = new Thread(() => Run(handler))
            {
                IsBackground = true,
                Name = "Simulated audio",
                Priority = ThreadPriority.Highest,
            };
            _thread.Start();
        }
    }

    public void Stop()
    {
        lock (_control)
        {
            if (_thread is null)
            {
                return;
            }

            _stopRequested = true;
            _thread.Join();
            _thread = null;
            _playback.Close();
        }
    }

    public void Dispose() => Stop();

    private void Run(IAudioFrameHandler handler)
    {
        // Once, before the first frame: outside the real-time loop, where logging is allowed. A
        // PC without the privilege (the usual case) runs the thread at normal priority, as before.
        if (_realtimePriority > 0 && RealtimeScheduling.TryUseFifo(_realtimePriority) is { Granted: false } refused)
        {
            _logger.LogWarning("The simulated audio thread stays under the normal scheduler: SCHED_FIFO {Priority} refused: {Reason}", _realtimePriority, refused.Reason);
        }

        try
        {
            Pace(handler);
        }
        catch (Exception e)
        {
            // A throwing handler is a bug; outside the loop, logging costs the real-time path nothing.
            _logger.LogError(e, "The audio frame handler failed; the simulated audio thread stopped");
        }
    }

    // REAL-TIME: no allocation, no lock, no logging
    private void Pace(IAudioFrameHandler handler)
    {
        var pacer = new FramePacer(Format, Stopwatch.Frequency, LateLimitFrames);
        pacer.Restart(Stopwatch.GetTimestamp());
        while (!_stopRequested)
        {
            long wait = pacer.Deadline - Stopwatch.GetTimestamp();
            if (wait > 0)
            {
                // Rounded up so the thread wakes at or just after the deadline, never before it.
                Thread.Sleep((int)(((wait * 1000) + Stopwatch.Frequency - 1) / Stopwatch.Frequency));
                continue;
            }

            ProcessFrame(handler);
            Volatile.Write(ref _framesProcessed, _framesProcessed + 1);
            if (pacer.Advance(Stopwatch.GetTimestamp()))
            {
                Volatile.Write(ref _overruns, _overruns + 1);
            }
        }
    }

    // REAL-TIME: no allocation, no lock, no logging
    private void ProcessFrame(IAudioFrameHandler handler)
    {
        _capture.Read(_captureFrame);
        handler.ProcessCapture(_captureFrame);

        Array.Clear(_playbackFrame);
        handler.RenderPlayback(_playbackFrame);
        _playback.Write(_playbackFrame);
    }
}
