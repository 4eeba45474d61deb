namespace DeskPhone.Media.Tones;

/// <summary>
/// Plays a <see cref="ToneSpec"/>: one or two sines, switched on and off by its cadence.
/// One thread only (the audio thread in the engine and the stream).
/// <para>
/// Every burst starts at phase 0 and fades in and out over <see cref="RampMilliseconds"/>, so
/// a cadence never clicks whatever the frequencies; a continuous tone only fades in. Each
/// component's phase is kept in cycles in [0, 1) and advanced by f/fs per sample, so a tone
/// that plays for hours neither drifts in frequency nor grows or fades.
/// </para>
/// </summary>
internal sealed class ToneGenerator
{
    /// <summary>Fade at the edges of a burst: short enough to keep its length, long enough not to click.</summary>
    public const int RampMilliseconds = 4;

    private readonly int _sampleRate;
    private readonly int _rampSamples;

    private ToneSpec? _spec;
    private int _segment;
    private int _segmentLength;
    private int _position;
    private double _lowPhase;
    private double _highPhase;

    public ToneGenerator(int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        _sampleRate = sampleRate;
        _rampSamples = Math.Max(1, sampleRate * RampMilliseconds / 1000);
    }

    /// <summary>The tone playing; null once a tone that does not repeat has ended, or after <see cref="Play"/>(null).</summary>
    public ToneSpec? Playing => _spec;

    /// <summary>Starts <paramref name="spec"/> from the beginning of its cadence; null stops. REAL-TIME: no allocation, no lock, no logging.</summary>
    public void Play(ToneSpec? spec)
    {
        _spec = spec;
        _segment = 0;
        _position = 0;
        _lowPhase = 0;
        _highPhase = 0;
        _segmentLength = spec is null || spec.IsContinuous ? 0 : SegmentSamples(spec, 0);
    }

    /// <summary>Overwrites <paramref name="frame"/> with the next samples of the tone (silence when none). REAL-TIME: no allocation, no lock, no logging.</summary>
    public void Render(Span<short> frame)
    {
        for (int i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)Math.Round(NextSample());
        }
    }

    /// <summary>Adds the next samples of the tone to <paramref name="frame"/>, saturating. REAL-TIME: no allocation, no lock, no logging.</summary>
    public void Mix(Span<short> frame)
    {
        if (_spec is null)
        {
            return;
        }

        for (int i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)Math.Clamp(Math.Round(frame[i] + NextSample()), short.MinValue, short.MaxValue);
        }
    }

    private double NextSample()
    {
        ToneSpec? spec = _spec;
        if (spec is null)
        {
            return 0;
        }

        double value = 0;
        if (_segment % 2 == 0)
        {
            value = Gain(spec) * ((spec.LowAmplitude * Math.Sin(2 * Math.PI * _lowPhase)) + (spec.HighAmplitude * Math.Sin(2 * Math.PI * _highPhase)));
            _lowPhase = Advance(_lowPhase, spec.Low);
            _highPhase = Advance(_highPhase, spec.High);
        }

        if (spec.IsContinuous)
        {
            // Only the fade-in reads the position of a continuous tone; stop counting after it.
            _position = Math.Min(_position + 1, _rampSamples);
        }
        else if (++_position == _segmentLength)
        {
            NextSegment(spec);
        }

        return value;
    }

    // Linear fade-in from the start of a burst, and fade-out before its end unless continuous.
    private double Gain(ToneSpec spec)
    {
        double fadeIn = (_position + 1.0) / _rampSamples;
        double fadeOut = spec.IsContinuous ? 1 : (double)(_segmentLength - _position) / _rampSamples;
        return Math.Min(1, Math.Min(fadeIn, fadeOut));
    }

    private void NextSegment(ToneSpec spec)
    {
        _position = 0;
        _segment++;
        if (_segment == spec.CadenceMilliseconds.Count)
        {
            if (!spec.Repeats)
            {
                _spec = null;
                return;
            }

            _segment = 0;
        }

        _segmentLength = SegmentSamples(spec, _segment);
        _lowPhase = 0;
        _highPhase = 0;
    }

    private double Advance(double phase, double frequency)
    {
        phase += frequency / _sampleRate;
        return phase >= 1 ? phase - 1 : phase;
    }

    private int SegmentSamples(ToneSpec spec, int segment) =>
        (int)((long)spec.CadenceMilliseconds[segment] * _sampleRate / 1000);
}
