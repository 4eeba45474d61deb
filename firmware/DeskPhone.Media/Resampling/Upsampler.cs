namespace DeskPhone.Media.Resampling;

/// <summary>
/// Doubles the sampling rate (8 → 16 kHz) with <see cref="HalfBandFilter"/>: every input
/// sample passes through unchanged and a filtered value is placed between each pair. Delay:
/// 11.5 input samples. Stateful across frames; one thread.
/// </summary>
internal sealed class Upsampler
{
    private const int History = HalfBandFilter.CentreDelay;

    private readonly double[] _taps = HalfBandFilter.Taps;
    private readonly short[] _work;

    /// <param name="maxInputSamples">The largest frame <see cref="Process"/> will be given.</param>
    public Upsampler(int maxInputSamples)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxInputSamples);
        _work = new short[History + maxInputSamples];
    }

    /// <summary>Writes two output samples per input sample. REAL-TIME: no allocation, no lock, no logging.</summary>
    public void Process(ReadOnlySpan<short> input, Span<short> output)
    {
        if (input.Length > _work.Length - History || output.Length < 2 * input.Length)
        {
            throw new ArgumentException("Frame larger than configured, or output shorter than twice the input.");
        }

        input.CopyTo(_work.AsSpan(History));
        for (int k = 0; k < input.Length; k++)
        {
            // _work[p] is the newest input; the output pair is centred between p - 12 and p - 11.
            int p = History + k;
            double between = 0;
            for (int j = 0; j < _taps.Length; j++)
            {
                between += _taps[j] * (_work[p - 11 + j] + _work[p - 12 - j]);
            }

            // Zero-stuffing halves the signal's energy per sample; the factor 2 restores the level.
            output[2 * k] = Round(2 * between);
            output[(2 * k) + 1] = _work[p - 11];
        }

        _work.AsSpan(input.Length, History).CopyTo(_work);
    }

    private static short Round(double value) => (short)Math.Clamp(Math.Round(value), short.MinValue, short.MaxValue);
}
