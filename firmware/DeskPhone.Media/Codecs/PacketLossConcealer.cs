namespace DeskPhone.Media.Codecs;

/// <summary>
/// Packet loss concealment by pitch-period repetition in the manner of ITU-T G.711 Appendix I,
/// for codecs without one of their own: G.711 at 8 kHz, and G.722 (or G.711 on a wideband device)
/// on the decoded 16 kHz signal, with every duration scaled to the rate.
/// <para>
/// At the start of an erasure the pitch period is estimated from the last 20 ms played (peak of
/// the normalised cross-correlation over 5–15 ms: every lag on every second sample, refined on
/// every sample around the best), and the last period is repeated. After 10 ms of erasure the
/// repeated segment grows to two periods, after 20 ms to three, so that a long gap does not
/// buzz; each switch is cross-faded over a quarter period, and the end of the repeated segment
/// is blended into what precedes its start so that the loop has no seam. The output is
/// attenuated from 10 ms on by 20 % per 10 ms, so it is silent after 60 ms. The first real frame
/// after an erasure is cross-faded with the continuing synthetic signal over 4 ms, plus 4 ms per
/// further 10 ms of erasure, at most 10 ms.
/// </para>
/// <para>
/// The extrapolation before that fade is available too, and ahead of time
/// (<see cref="Continue"/>), for a decoder whose state should follow the lost audio (G.722).
/// </para>
/// <para>
/// Unlike Appendix I the output is not delayed by 3.75 ms to smooth the start of the erasure:
/// the phone's aim is the least added latency, and the repetition starts at the sample one
/// period back, which continues the waveform as far as the signal is periodic.
/// </para>
/// One per stream direction; audio thread only.
/// </summary>
internal sealed class PacketLossConcealer
{
    /// <summary>Milliseconds of erasure after which the output is silent.</summary>
    public const int SilentAfterMilliseconds = 60;

    private readonly int _frameSamples;
    private readonly int _tenMilliseconds;
    private readonly int _minPitch;
    private readonly int _maxPitch;
    private readonly int _window;
    private readonly short[] _history;
    private readonly short[] _frozen;

    private bool _erasing;
    private int _pitch;
    private int _quarter;
    private int _periods;
    private int _previousLoop;
    private int _switchRemaining;
    private int _position;
    private int _erased;

    public PacketLossConcealer(int sampleRate, int frameSamples)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameSamples);
        if (sampleRate is not (8000 or 16000))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "8000 or 16000 Hz.");
        }

        _frameSamples = frameSamples;
        _tenMilliseconds = sampleRate / 100;
        _minPitch = sampleRate / 200;
        _maxPitch = sampleRate * 15 / 1000;
        _window = sampleRate / 50;

        // Three periods of the lowest pitch and the quarter period blended before them: 48.75 ms.
        _history = new short[(3 * _maxPitch) + (_maxPitch / 4)];
        _frozen = new short[_history.Length];
    }

    /// <summary>
    /// Takes a decoded frame about to be played: smooths its start when it ends an erasure and
    /// keeps it as history. REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public void Played(Span<short> frame)
    {
        CheckLength(frame);
        if (_erasing)
        {
            // 4 ms, plus 4 ms for each further 10 ms of erasure, at most 10 ms (G.711 Appendix I).
            int fourMilliseconds = _tenMilliseconds * 2 / 5;
            int overlap = Math.Min(_tenMilliseconds, fourMilliseconds * (1 + ((_erased - 1) / _tenMilliseconds)));
            CrossFadeInto(frame, overlap);
        }

        Remember(frame);
    }

    /// <summary>
    /// Takes a decoded frame that does not follow the one played before (frames were dropped to
    /// shrink the delay): cross-fades from a 4 ms continuation of the old signal into it.
    /// REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public void Spliced(Span<short> frame)
    {
        CheckLength(frame);
        if (!_erasing)
        {
            BeginErasure();
        }

        CrossFadeInto(frame, _tenMilliseconds * 2 / 5);
        Remember(frame);
    }

    /// <summary>
    /// Fills <paramref name="frame"/> for a frame that did not arrive; false when the erasure has
    /// lasted <see cref="SilentAfterMilliseconds"/> and the frame is silence.
    /// REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public bool Conceal(Span<short> frame) => Conceal(frame, default);

    /// <summary>
    /// As <see cref="Conceal(Span{short})"/>, and writes to <paramref name="extrapolation"/> (empty, or
    /// as long as <paramref name="frame"/>) the same waveform before it is faded: the estimate
    /// of the lost audio itself, for a decoder to follow. REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public bool Conceal(Span<short> frame, Span<short> extrapolation)
    {
        CheckLength(frame);
        if (!extrapolation.IsEmpty)
        {
            CheckLength(extrapolation);
        }

        if (!_erasing)
        {
            BeginErasure();
        }

        bool sounded = _erased < SilentAfterMilliseconds / 10 * _tenMilliseconds;
        if (!sounded && extrapolation.IsEmpty)
        {
            frame.Clear();
            _erased += frame.Length;
            return false;
        }

        for (int i = 0; i < frame.Length; i++)
        {
            double sample = NextSynthetic(out double gain);
            frame[i] = Round(sample * gain);
            if (!extrapolation.IsEmpty)
            {
                extrapolation[i] = Round(sample);
            }
        }

        if (sounded)
        {
            Remember(frame);
        }

        return sounded;
    }

    /// <summary>
    /// Writes the next samples of the extrapolation, before fading, without playing them: what
    /// the erasure would continue with; zeros when no erasure is in progress.
    /// REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public void Continue(Span<short> extrapolation)
    {
        if (!_erasing)
        {
            extrapolation.Clear();
            return;
        }

        int position = _position;
        int erased = _erased;
        int periods = _periods;
        int previousLoop = _previousLoop;
        int switchRemaining = _switchRemaining;
        for (int i = 0; i < extrapolation.Length; i++)
        {
            extrapolation[i] = Round(NextSynthetic(out _));
        }

        _position = position;
        _erased = erased;
        _periods = periods;
        _previousLoop = previousLoop;
        _switchRemaining = switchRemaining;
    }

    private void CheckLength(Span<short> frame)
    {
        if (frame.Length != _frameSamples)
        {
            throw new ArgumentException($"Frame must hold {_frameSamples} samples.", nameof(frame));
        }
    }

    private void CrossFadeInto(Span<short> frame, int overlap)
    {
        for (int i = 0; i < overlap; i++)
        {
            double weight = (i + 1) / (double)(overlap + 1);
            double synthetic = NextSynthetic(out double gain) * gain;
            frame[i] = Round((synthetic * (1 - weight)) + (frame[i] * weight));
        }

        _erasing = false;
    }

    private void BeginErasure()
    {
        _history.CopyTo(_frozen, 0);
        _pitch = EstimatePitch();
        _quarter = Math.Max(1, _pitch / 4);
        _periods = 1;
        _switchRemaining = 0;
        _position = 0;
        _erased = 0;
        _erasing = true;
    }

    /// <summary>The next sample of the extrapolation, and the fade to play it at.</summary>
    private double NextSynthetic(out double gain)
    {
        int loop = _periods * _pitch;
        double sample = LoopSample(loop);
        if (_switchRemaining > 0)
        {
            double weight = (_quarter - _switchRemaining + 1) / (double)(_quarter + 1);
            sample = (LoopSample(_previousLoop) * (1 - weight)) + (sample * weight);
            _switchRemaining--;
        }

        gain = _erased < _tenMilliseconds
            ? 1
            : Math.Max(0, 1 - (0.2 * (_erased - _tenMilliseconds) / _tenMilliseconds));
        _position++;
        _erased++;
        if (_periods < 3 && _erased == _periods * _tenMilliseconds)
        {
            _previousLoop = loop;
            _periods++;
            _switchRemaining = _quarter;
        }

        return sample;
    }

    /// <summary>
    /// The current sample of a loop over the last <paramref name="loop"/> samples of the frozen
    /// history. Its last quarter period is blended into the samples just before the loop's
    /// start, so the jump back to the start continues the waveform.
    /// </summary>
    private double LoopSample(int loop)
    {
        int end = _frozen.Length;
        int offset = _position % loop;
        int index = end - loop + offset;
        int blendFrom = loop - _quarter;
        if (offset < blendFrom)
        {
            return _frozen[index];
        }

        double weight = (offset - blendFrom + 1) / (double)(_quarter + 1);
        return (_frozen[index] * (1 - weight)) + (_frozen[index - loop] * weight);
    }

    /// <summary>The lag of the peak normalised cross-correlation of the last 20 ms with the past.</summary>
    private int EstimatePitch()
    {
        int best = _maxPitch;
        double bestScore = double.NegativeInfinity;
        // Every lag, not every second one: a tone repeats at several lags in the range, and the
        // one closest to a whole number of its periods is what keeps the repetition in phase
        // (at 8 kHz a 440 Hz tone: 91 samples is five periods to 0.1 sample, while the best
        // even lag, 54, drifts half a sample per repetition).
        for (int lag = _minPitch; lag <= _maxPitch; lag++)
        {
            double score = Correlation(lag, 2);
            if (score > bestScore)
            {
                bestScore = score;
                best = lag;
            }
        }

        int coarse = best;
        bestScore = double.NegativeInfinity;
        for (int lag = Math.Max(_minPitch, coarse - 1); lag <= Math.Min(_maxPitch, coarse + 1); lag++)
        {
            double score = Correlation(lag, 1);
            if (score > bestScore)
            {
                bestScore = score;
                best = lag;
            }
        }

        return best;
    }

    private double Correlation(int lag, int step)
    {
        long cross = 0;
        long energy = 0;
        for (int i = _frozen.Length - _window; i < _frozen.Length; i += step)
        {
            int past = _frozen[i - lag];
            cross += _frozen[i] * past;
            energy += past * past;
        }

        return energy == 0 ? 0 : cross / Math.Sqrt(energy);
    }

    private void Remember(ReadOnlySpan<short> frame)
    {
        int keep = _history.Length - frame.Length;
        _history.AsSpan(frame.Length).CopyTo(_history);
        frame.CopyTo(_history.AsSpan(keep));
    }

    private static short Round(double value) =>
        (short)Math.Clamp(Math.Round(value), short.MinValue, short.MaxValue);
}
