using DeskPhone.Hal.Scheduling;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Hal.RaspberryPi;

/// <summary>
/// The handset codec through ALSA. The audio thread blocks in snd_pcm_readi until the capture
/// device has a whole frame (a whole number of periods), hands it to the handler, asks the
/// handler for the earpiece frame and writes it with snd_pcm_writei: the codec's clock, not a
/// timer, paces the thread. Playback runs a frame and a period ahead of capture, so a frame
/// written right after its capture frame arrives is always in time.
/// </summary>
public sealed class AlsaAudioDevice : IAudioDevice, IDisposable
{
    private readonly IPcmStream _capture;
    private readonly IPcmStream _playback;
    private readonly int _realtimePriority;
    private readonly ILogger _logger;
    private readonly short[] _captureFrame;
    private readonly short[] _playbackFrame;
    private readonly short[] _silence;
    private readonly Lock _control = new();
    private Thread? _thread;
    private volatile bool _stopRequested;
    private long _framesProcessed;
    private long _captureXruns;
    private long _playbackXruns;
    private long _playbackDelay;
    private long _playbackAvailable;
    private long _captureDelay;
    private long _captureAvailable;

    /// <param name="capture">Opened with a start threshold of 1; started by the device.</param>
    /// <param name="playback">Opened with a start threshold of <see cref="PrefillFrames"/>(format, period).</param>
    internal AlsaAudioDevice(AudioFormat format, IPcmStream capture, IPcmStream playback, int realtimePriority, ILogger logger)
    {
        Format = format;
        _capture = capture;
        _playback = playback;
        _realtimePriority = realtimePriority;
        _logger = logger;
        _captureFrame = new short[format.FrameSamples];
        _playbackFrame = new short[format.FrameSamples];
        _silence = new short[PrefillFrames(format, playback.PeriodFrames)];
    }

    public AudioFormat Format { get; }

    /// <summary>Frames handled since the device was made. Readable from any thread.</summary>
    public long FramesProcessed => Volatile.Read(ref _framesProcessed);

    /// <summary>Capture overruns recovered. Readable from any thread.</summary>
    public long CaptureXruns => Volatile.Read(ref _captureXruns);

    /// <summary>Playback underruns recovered. Readable from any thread.</summary>
    public long PlaybackXruns => Volatile.Read(ref _playbackXruns);

    /// <summary>ALSA's delay and avail after the last frame. Readable from any thread.</summary>
    public AudioLatency Latency => new(
        Volatile.Read(ref _playbackDelay),
        Volatile.Read(ref _playbackAvailable),
        Volatile.Read(ref _captureDelay),
        Volatile.Read(ref _captureAvailable));

    /// <summary>The ALSA period and buffer the playback device settled on, in frames.</summary>
    public (int Period, int Buffer) PlaybackBuffering => (_playback.PeriodFrames, _playback.BufferFrames);

    /// <summary>Silence queued for playback before capture starts: one frame and one period.</summary>
    internal static int PrefillFrames(AudioFormat format, int periodFrames) => format.FrameSamples + periodFrames;

    /// <exception cref="InvalidOperationException">The device is already running.</exception>
    public void Start(IAudioFrameHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_control)
        {
            if (_thread is not null)
            {
                throw new InvalidOperationException("The ALSA audio device is already running.");
            }

            _stopRequested = false;
            _thread = new Thread(() => Run(handler))
            {
                IsBackground = true,
                Name = "ALSA audio",
                Priority = ThreadPriority.Highest,
            };
            _thread.Start();
        }
    }

    /// <summary>Stops the audio thread (within a frame: it is never blocked longer) and drops both streams.</summary>
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
        }
    }

    /// <summary>Stops and closes both PCMs.</summary>
    public void Dispose()
    {
        Stop();
        _capture.Dispose();
        _playback.Dispose();
    }

    private void Run(IAudioFrameHandler handler)
    {
        // Once, before the first frame: outside the real-time loop, where logging is allowed.
        if (_realtimePriority > 0 && RealtimeScheduling.TryUseFifo(_realtimePriority) is { Granted: false } refused)
        {
            _logger.LogWarning("The audio thread stays under the normal scheduler: SCHED_FIFO {Priority} refused: {Reason}", _realtimePriority, refused.Reason);
        }

        long failure = 0;
        try
        {
            failure = StartStreams();
            if (failure == 0)
            {
                failure = Pump(handler);
            }
        }
        catch (Exception e)
        {
            // A throwing handler is a bug; outside the loop, logging costs the real-time path nothing.
            _logger.LogError(e, "The audio frame handler failed; the ALSA audio thread stopped");
        }
        finally
        {
            _capture.Drop();
            _playback.Drop();
        }

        if (failure < 0)
        {
            _logger.LogError("The ALSA audio thread stopped: {Error}", AlsaNative.ErrorText(failure));
        }
    }

    private long StartStreams()
    {
        long result = _playback.Prepare();
        if (result == 0)
        {
            result = _capture.Prepare();
        }

        if (result == 0)
        {
            result = Prefill();
        }

        return result == 0 ? _capture.Start() : result;
    }

    /// <summary>Runs frames until stopped; returns 0, or the error that could not be recovered.</summary>
    // REAL-TIME: no allocation, no lock, no logging
    private long Pump(IAudioFrameHandler handler)
    {
        while (!_stopRequested)
        {
            long result = ReadFrame();
            if (result < 0)
            {
                return result;
            }

            if (_stopRequested)
            {
                break;
            }

            handler.ProcessCapture(_captureFrame);
            Array.Clear(_playbackFrame);
            handler.RenderPlayback(_playbackFrame);
            result = WriteFrame();
            if (result < 0)
            {
                return result;
            }

            Volatile.Write(ref _framesProcessed, _framesProcessed + 1);
            SampleLatency();
        }

        return 0;
    }

    // REAL-TIME: no allocation, no lock, no logging
    private long ReadFrame()
    {
        int done = 0;
        while (done < _captureFrame.Length && !_stopRequested)
        {
            long read = _capture.Read(_captureFrame.AsSpan(done));
            if (read >= 0)
            {
                done += (int)read;
                continue;
            }

            if (read is -AlsaNative.EAGAIN or -AlsaNative.EINTR)
            {
                continue;
            }

            if (read is not (-AlsaNative.EPIPE or -AlsaNative.ESTRPIPE))
            {
                return read;
            }

            // Overrun: the samples before it no longer join up with what follows; restart the frame.
            Volatile.Write(ref _captureXruns, _captureXruns + 1);
            long recovered = _capture.Recover((int)read);
            if (recovered == 0)
            {
                recovered = _capture.Start();
            }

            if (recovered < 0)
            {
                return recovered;
            }

            done = 0;
        }

        return 0;
    }

    // REAL-TIME: no allocation, no lock, no logging
    private long WriteFrame()
    {
        int done = 0;
        while (done < _playbackFrame.Length)
        {
            long written = _playback.Write(_playbackFrame.AsSpan(done));
            if (written >= 0)
            {
                done += (int)written;
                continue;
            }

            if (written is -AlsaNative.EAGAIN or -AlsaNative.EINTR)
            {
                continue;
            }

            if (written is not (-AlsaNative.EPIPE or -AlsaNative.ESTRPIPE))
            {
                return written;
            }

            // Underrun: the stream stopped. Prepare it and rebuild the cushion of silence (which
            // restarts it), then write the rest of the frame.
            Volatile.Write(ref _playbackXruns, _playbackXruns + 1);
            long recovered = _playback.Recover((int)written);
            if (recovered == 0)
            {
                recovered = Prefill();
            }

            if (recovered < 0)
            {
                return recovered;
            }
        }

        return 0;
    }

    // REAL-TIME: no allocation, no lock, no logging
    private long Prefill()
    {
        int done = 0;
        while (done < _silence.Length)
        {
            long written = _playback.Write(_silence.AsSpan(done));
            if (written < 0 && written is not (-AlsaNative.EAGAIN or -AlsaNative.EINTR))
            {
                return written;
            }

            done += (int)Math.Max(written, 0);
        }

        return 0;
    }

    // REAL-TIME: no allocation, no lock, no logging
    private void SampleLatency()
    {
        if (_playback.AvailDelay(out long available, out long delay) == 0)
        {
            Volatile.Write(ref _playbackAvailable, available);
            Volatile.Write(ref _playbackDelay, delay);
        }

        if (_capture.AvailDelay(out available, out delay) == 0)
        {
            Volatile.Write(ref _captureAvailable, available);
            Volatile.Write(ref _captureDelay, delay);
        }
    }
}
