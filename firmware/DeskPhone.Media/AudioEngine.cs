using DeskPhone.Hal;
using DeskPhone.Media.Tones;

namespace DeskPhone.Media;

/// <summary>
/// The handset audio path: what the earpiece plays and where the microphone goes.
/// <para>
/// Threads: the phone-loop thread calls <see cref="SetTone"/>, <see cref="Attach"/> and
/// <see cref="SetMuted"/>, which only store a volatile value; the audio thread reads those
/// values once per frame in <see cref="RenderPlayback"/> and <see cref="ProcessCapture"/>.
/// No locks, so a change takes effect from the next frame.
/// </para>
/// </summary>
public sealed class AudioEngine : IAudioFrameHandler
{
    private readonly ToneGenerator _toneGenerator;
    private readonly short[] _silence = new short[MediaFormat.FrameSamples];

    private volatile CallProgressTone _tone;
    private volatile RtpStream? _stream;
    private volatile bool _muted;
    private long _framesRendered;

    public AudioEngine(AudioFormat format)
    {
        MediaFormat.Validate(format, nameof(format));
        _toneGenerator = new ToneGenerator(format.SampleRate);
    }

    /// <summary>Frames written by <see cref="RenderPlayback"/> so far.</summary>
    public long FramesRendered => Interlocked.Read(ref _framesRendered);

    /// <summary>Plays <paramref name="tone"/> (from the start of its cadence) instead of call audio; None stops it. Phone-loop thread.</summary>
    public void SetTone(CallProgressTone tone)
    {
        if (!Enum.IsDefined(tone))
        {
            throw new ArgumentOutOfRangeException(nameof(tone));
        }

        _tone = tone;
    }

    /// <summary>
    /// Connects the call's stream to the handset; null disconnects it. Phone-loop thread.
    /// Detach before disposing the stream; the audio thread may still finish the frame in progress.
    /// </summary>
    public void Attach(RtpStream? stream) => _stream = stream;

    /// <summary>While muted the stream is sent silence, so the peer keeps receiving RTP. Phone-loop thread.</summary>
    public void SetMuted(bool muted) => _muted = muted;

    /// <summary>Audio thread. REAL-TIME: no allocation, no lock, no logging.</summary>
    public void RenderPlayback(Span<short> frame)
    {
        CallProgressTone tone = _tone;
        if (tone != _toneGenerator.Tone)
        {
            _toneGenerator.Select(tone);
        }

        RtpStream? stream = _stream;
        if (stream is not null)
        {
            // Drained even under a tone so that stale audio does not play when the tone stops.
            stream.ReadPlayoutFrame(frame);
        }
        else
        {
            frame.Clear();
        }

        if (tone != CallProgressTone.None)
        {
            _toneGenerator.Render(frame);
        }

        Interlocked.Increment(ref _framesRendered);
    }

    /// <summary>Audio thread. REAL-TIME: no allocation, no lock, no logging.</summary>
    public void ProcessCapture(ReadOnlySpan<short> frame)
    {
        _stream?.SendCaptureFrame(_muted ? _silence : frame);
    }
}
