namespace DeskPhone.Media.Resampling;

/// <summary>
/// Halves the sampling rate (16 → 8 kHz): low-pass with <see cref="HalfBandFilter"/> so that
/// nothing above 4 kHz folds back into the telephone band, then keep every other sample.
/// Delay: 22 input samples. Stateful across frames; one thread.
/// </summary>
internal sealed class Downsampler
{
    private const int History = 2 * HalfBandFilter.CentreDelay;

    private readonly double[] _taps = HalfBandFilter.Taps;
    private readonly short[] _work;

    /// <param name="maxInputSamples">The largest frame <see cref="Process"/> will be given; even.</param>
    public Downsampler(int maxInputSamples)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxInputSamples);
        _work = new short[History + maxInputSamples];
    }

    /// <summary>Writes one output sample per two input samples. REAL-TIME: no allocation, no lock, no logging.</summary>
    public void Process(ReadOnlySpan<short> input, Span<short> output)
    {
        if ((input.Length & 1) != 0 || input.Length > _work.Length - History || output.Length < input.Length / 2)
        {
            throw new ArgumentException("Frame odd or larger than configured, or output shorter than half the input.");
        }

        input.CopyTo(_work.AsSpan(History));
        for (int m = 0; m < input.Length / 2; m++)
        {
            // _work[p + 1] is the newest input; the filter is centred on p - 22.
            int p = History + (2 * m);
            double sum = 0.5 * _work[p - 22];
            for (int j = 0; j < _taps.Length; j++)
            {
                sum += _taps[j] * (_work[p - 23 - (2 * j)] + _work[p - 21 + (2 * j)]);
            }

            output[m] = (short)Math.Clamp(Math.Round(sum), short.MinValue, short.MaxValue);
        }

        _work.AsSpan(input.Length, History).CopyTo(_work);
    }
}
