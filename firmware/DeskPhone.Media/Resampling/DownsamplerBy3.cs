namespace DeskPhone.Media.Resampling;

/// <summary>
/// Divides the sampling rate by three (48 → 16 kHz): low-pass with <see cref="ThirdBandFilter"/>
/// so that nothing above 8 kHz folds back into the band G.722 carries, computing only every
/// third output. Delay: 102 input samples (34 output samples, 2.125 ms). Stateful across
/// frames; one thread.
/// </summary>
internal sealed class DownsamplerBy3
{
    private const int History = ThirdBandFilter.Length - 1;

    private readonly float[] _taps = ThirdBandFilter.Taps;
    private readonly float[] _work;

    /// <param name="maxInputSamples">The largest frame <see cref="Process"/> will be given; a multiple of 3.</param>
    public DownsamplerBy3(int maxInputSamples)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxInputSamples);
        _work = new float[History + maxInputSamples];
    }

    /// <summary>Writes one output sample per three input samples. REAL-TIME: no allocation, no lock, no logging.</summary>
    public void Process(ReadOnlySpan<short> input, Span<short> output)
    {
        int outputs = input.Length / ThirdBandFilter.Factor;
        if (input.Length % ThirdBandFilter.Factor != 0 || input.Length > _work.Length - History || output.Length < outputs)
        {
            throw new ArgumentException("Frame not a multiple of 3 or larger than configured, or output shorter than a third of the input.");
        }

        Span<float> work = _work;
        for (int i = 0; i < input.Length; i++)
        {
            work[History + i] = input[i];
        }

        for (int m = 0; m < outputs; m++)
        {
            // The window ends on input 3m; the filter is symmetric, so no reversal is needed.
            float sum = DotProduct.Of(_taps, work.Slice(ThirdBandFilter.Factor * m, ThirdBandFilter.Length));
            output[m] = (short)Math.Clamp(MathF.Round(sum), short.MinValue, short.MaxValue);
        }

        work.Slice(input.Length, History).CopyTo(work);
    }
}
