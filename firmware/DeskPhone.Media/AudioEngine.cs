using DeskPhone.Hal;
using DeskPhone.Media.Dtmf;
using DeskPhone.Media.Resampling;
using DeskPhone.Media.Tones;

namespace DeskPhone.Media;

/// <summary>
/// The handset audio path: what the earpiece plays and where the microphone goes.
/// <para>
/// Threads: the phone-loop thread calls <see cref="SetTone"/>, <see cref="PlayKeyTone"/>,
/// <see cref="Attach"/>, <see cref="SetMuted"/>, <see cref="SetEarpieceVolume"/> and
/// <see cref="SetSidetone"/>, which only store a volatile value; the audio thread reads those
/// values once per frame in <see cref="RenderPlayback"/> and <see cref="ProcessCapture"/>. No
/// locks, so a change takes effect from the next frame.
/// </para>
/// <para>
/// The audio devices call <see cref="ProcessCapture"/> and then <see cref="RenderPlayback"/> for
/// each period on one thread; the sidetone relies on that order: capture keeps the microphone
/// frame in a preallocated buffer and the render after it mixes it in.
/// </para>
/// <para>
/// On a 48 kHz device the engine converts at its edges: the microphone frame goes down to 16 kHz
/// before the stream encodes it, the stream's playout frame up to 48 kHz before the tones, the
/// volume and the sidetone, which all work at the device rate. The streams then run at
/// <see cref="StreamFormat"/> exactly as on a 16 kHz device.
/// </para>
/// </summary>
public sealed class AudioEngine : IAudioFrameHandler
{
    /// <summary>Earpiece volume steps, 1 (quietest) to this; 3 dB apart.</summary>
    public const int VolumeSteps = 8;

    /// <summary>The step at unity gain (0 dB).</summary>
    public const int DefaultVolume = 5;

    /// <summary>Quietest sidetone level accepted; below it the talker would not hear it anyway.</summary>
    public const double MinSidetoneDb = -60;

    /// <summary>Loudest sidetone level accepted: louder, the talker hears an echo and lowers the voice.</summary>
    public const double MaxSidetoneDb = -6;

    // Q12 gains for steps 1..8: -12, -9, -6, -3, 0, +3, +6, +9 dB (10^(dB/20) × 4096).
    private static readonly int[] s_volumeGainsQ12 = [1028, 1452, 2052, 2900, 4096, 5786, 8173, 11543];

    private readonly TonePlan _tones;
    private readonly ToneGenerator _progress;
    private readonly ToneGenerator _keyFeedback;
    private readonly short[] _silence;

    // Between a 48 kHz device and the streams' 16 kHz; null when the device runs at a stream rate.
    private readonly MediaRateConverter? _converter;

    // The microphone frame of this period, kept by ProcessCapture for the RenderPlayback that
    // follows it on the audio thread (both devices call capture first), with the gain to mix it at.
    private readonly short[] _sidetone;
    private int _sidetoneFrameGainQ15;

    private volatile CallProgressTone _tone;
    private volatile RtpStream? _stream;
    private volatile bool _muted;
    private volatile int _gainQ12 = s_volumeGainsQ12[DefaultVolume - 1];
    private volatile int _sidetoneGainQ15;
    private long _framesRendered;

    // Key presses to give feedback for, and the far end's keys to play: the phone loop bumps a
    // counter in the high bits and puts the key in the low byte (a PhoneKey, or RemoteDigitFlag
    // with an RFC 4733 event code); the audio thread plays a key whenever the value changes.
    private volatile int _keyPress;
    private int _keyPressPlayed;
    private int _keyPressCount;
    private const int RemoteDigitFlag = 0x80;

    // Audio-thread copy of the tone being played.
    private CallProgressTone _playing;

    /// <param name="format">The sound card's format: 8, 16 or 48 kHz, 20 ms frames.</param>
    /// <param name="locale">Whose call-progress tones to play.</param>
    public AudioEngine(AudioFormat format, ToneLocale locale = ToneLocale.Italy)
    {
        MediaFormat.ValidateDevice(format, nameof(format));
        _tones = TonePlan.For(locale);
        Format = format;
        StreamFormat = MediaFormat.StreamFormatFor(format);
        Locale = locale;
        _progress = new ToneGenerator(format.SampleRate);
        _keyFeedback = new ToneGenerator(format.SampleRate);
        _silence = new short[StreamFormat.FrameSamples];
        _sidetone = new short[format.FrameSamples];
        _converter = StreamFormat == format ? null : new MediaRateConverter(format.FrameSamples);
    }

    /// <summary>The sound card's format, which <see cref="ProcessCapture"/> and <see cref="RenderPlayback"/> take.</summary>
    public AudioFormat Format { get; }

    /// <summary>
    /// The format of the frames the engine exchanges with its <see cref="RtpStream"/>: the device's
    /// own at 8 or 16 kHz, 16 kHz on a 48 kHz device. Open the streams to attach with it.
    /// </summary>
    public AudioFormat StreamFormat { get; }

    public ToneLocale Locale { get; }

    /// <summary>Frames written by <see cref="RenderPlayback"/> so far.</summary>
    public long FramesRendered => Interlocked.Read(ref _framesRendered);

    /// <summary>
    /// Plays <paramref name="tone"/> from the start of its cadence; None stops it. Call waiting is
    /// mixed over the call audio, every other tone replaces it. Phone-loop thread.
    /// </summary>
    public void SetTone(CallProgressTone tone)
    {
        // A range check, not Enum.IsDefined: that may allocate when its cache is rebuilt.
        if (tone is < CallProgressTone.None or > CallProgressTone.CallWaiting)
        {
            throw new ArgumentOutOfRangeException(nameof(tone));
        }

        _tone = tone;
    }

    /// <summary>
    /// Plays a short, quiet feedback tone in the earpiece for a pressed key, mixed over whatever
    /// plays: the key's DTMF pair for a dialling key, a click for any other. Phone-loop thread.
    /// </summary>
    public void PlayKeyTone(PhoneKey key)
    {
        if (key is < PhoneKey.Digit0 or > PhoneKey.VolumeDown)
        {
            throw new ArgumentOutOfRangeException(nameof(key));
        }

        PostKey((int)key);
    }

    /// <summary>
    /// Plays a key the far end pressed (an RFC 4733 event or a SIP INFO), mixed over the call
    /// audio: telephone-events replace the tone in the media, so without this the listener would
    /// not hear the keys an IVR menu or a colleague presses. Phone-loop thread.
    /// </summary>
    public void PlayRemoteDigit(char digit)
    {
        if (!DtmfEvents.TryGetEvent(digit, out byte code))
        {
            throw new ArgumentOutOfRangeException(nameof(digit), digit, "Not a DTMF key.");
        }

        PostKey(RemoteDigitFlag | code);
    }

    private void PostKey(int key)
    {
        _keyPressCount++;
        _keyPress = (_keyPressCount << 8) | key;
    }

    /// <summary>
    /// Connects the call's stream to the handset; null disconnects it. Phone-loop thread.
    /// Detach before disposing the stream; the audio thread may still finish the frame in progress.
    /// The stream must have been opened at <see cref="StreamFormat"/>.
    /// </summary>
    public void Attach(RtpStream? stream)
    {
        if (stream is not null && stream.Format != StreamFormat)
        {
            throw new ArgumentException($"The stream runs at {stream.Format}; this engine's streams must run at {StreamFormat}.", nameof(stream));
        }

        _stream = stream;
    }

    /// <summary>While muted the stream is sent silence, so the peer keeps receiving RTP. Phone-loop thread.</summary>
    public void SetMuted(bool muted) => _muted = muted;

    /// <summary>Sets the earpiece volume step (1 to <see cref="VolumeSteps"/>); everything the earpiece plays follows it. Phone-loop thread.</summary>
    public void SetEarpieceVolume(int step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(step, VolumeSteps);
        _gainQ12 = s_volumeGainsQ12[step - 1];
    }

    /// <summary>
    /// Sets the sidetone: the talker's own voice in the earpiece during a call, at
    /// <paramref name="decibels"/> relative to the microphone (<see cref="MinSidetoneDb"/> to
    /// <see cref="MaxSidetoneDb"/>), so a handset does not sound dead; 0 turns it off. Not mixed
    /// while muted, nor outside a call. Independent of the earpiece volume. Phone-loop thread.
    /// </summary>
    public void SetSidetone(double decibels)
    {
        if (decibels != 0 && decibels is not (>= MinSidetoneDb and <= MaxSidetoneDb))
        {
            throw new ArgumentOutOfRangeException(nameof(decibels), decibels, $"Sidetone must be 0 (off) or {MinSidetoneDb} to {MaxSidetoneDb} dB.");
        }

        _sidetoneGainQ15 = decibels == 0 ? 0 : (int)Math.Round(Math.Pow(10, decibels / 20) * 32768);
    }

    /// <summary>Audio thread. REAL-TIME: no allocation, no lock, no logging.</summary>
    public void RenderPlayback(Span<short> frame)
    {
        CallProgressTone tone = _tone;
        if (tone != _playing)
        {
            _playing = tone;
            _progress.Play(_tones.For(tone));
        }

        ReadCallAudio(frame, _stream);

        if (tone == CallProgressTone.CallWaiting)
        {
            _progress.Mix(frame);
        }
        else if (tone != CallProgressTone.None)
        {
            _progress.Render(frame);
        }

        int keyPress = _keyPress;
        if (keyPress != _keyPressPlayed)
        {
            _keyPressPlayed = keyPress;
            int key = keyPress & 0xFF;
            _keyFeedback.Play((key & RemoteDigitFlag) != 0
                ? KeyTones.RemoteDigit(key & ~RemoteDigitFlag)
                : KeyTones.FeedbackFor((PhoneKey)key));
        }

        _keyFeedback.Mix(frame);
        ApplyGain(frame, _gainQ12);

        // After the volume: the talker hears the same sidetone whatever the far end's loudness.
        if (_sidetoneFrameGainQ15 != 0 && frame.Length == _sidetone.Length)
        {
            MixSidetone(frame, _sidetone, _sidetoneFrameGainQ15);
        }

        // Each captured frame is heard once; a render without a capture before it mixes nothing.
        _sidetoneFrameGainQ15 = 0;
        Interlocked.Increment(ref _framesRendered);
    }

    // The call audio at the device rate; silence without a stream. The converter runs on every
    // frame, silence included, so that its filter never holds the end of an earlier call.
    private void ReadCallAudio(Span<short> frame, RtpStream? stream)
    {
        Span<short> media = _converter is null ? frame : _converter.PlayoutFrame;
        if (stream is not null)
        {
            // Drained even under a tone so that stale audio does not play when the tone stops.
            stream.ReadPlayoutFrame(media);
        }
        else
        {
            media.Clear();
        }

        _converter?.Render(frame);
    }

    private static void MixSidetone(Span<short> frame, ReadOnlySpan<short> microphone, int gainQ15)
    {
        for (int i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)Math.Clamp(frame[i] + ((microphone[i] * gainQ15) >> 15), short.MinValue, short.MaxValue);
        }
    }

    private static void ApplyGain(Span<short> frame, int gainQ12)
    {
        if (gainQ12 == 4096)
        {
            return;
        }

        for (int i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)Math.Clamp((frame[i] * gainQ12) >> 12, short.MinValue, short.MaxValue);
        }
    }

    /// <summary>Audio thread. REAL-TIME: no allocation, no lock, no logging.</summary>
    public void ProcessCapture(ReadOnlySpan<short> frame)
    {
        RtpStream? stream = _stream;
        bool muted = _muted;

        // Converted on every frame, in a call or not, so the filter's history is always the
        // microphone's last milliseconds.
        ReadOnlySpan<short> media = _converter is null ? frame : _converter.Capture(frame);
        stream?.SendCaptureFrame(muted ? _silence : media);

        // Sidetone only in a call (a stream on the handset) and never while muted: the talker
        // must not hear a microphone the far end does not.
        int gain = stream is null || muted || frame.Length != _sidetone.Length ? 0 : _sidetoneGainQ15;
        if (gain != 0)
        {
            frame.CopyTo(_sidetone);
        }

        _sidetoneFrameGainQ15 = gain;
    }
}
