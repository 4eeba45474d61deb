namespace DeskPhone.Media.Resampling;

/// <summary>
/// Multiplies the sampling rate by three (16 → 48 kHz) with <see cref="ThirdBandFilter"/>, as a
/// polyphase filter: each output sample is one branch of the filter (every third tap) applied to
/// the input, never multiplying the zeros that rate expansion would insert, so that the images of
/// the 16 kHz band at 16 ± f kHz are removed. Delay: 102 output samples (34 input samples,
/// 2.125 ms). Stateful across frames; one thread.
/// </summary>
internal sealed class UpsamplerBy3
{
    private const int History = ThirdBandFilter.PhaseTaps - 1;

    // Branch p holds 3·h[3j + p] for j = 68 … 0 (oldest input first), so each output is one
    // contiguous dot product; the factor 3 restores the level that rate expansion divides by 3.
    private readonly float[][] _branches = new float[ThirdBandFilter.Factor][];
    private readonly float[] _work;

    /// <param name="maxInputSamples">The largest frame <see cref="Process"/> will be given.</param>
    public UpsamplerBy3(int maxInputSamples)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxInputSamples);
        _work = new float[History + maxInputSamples];
        float[] taps = ThirdBandFilter.Taps;
        for (int phase = 0; phase < ThirdBandFilter.Factor; phase++)
        {
            var branch = new float[ThirdBandFilter.PhaseTaps];
            for (int j = 0; j < ThirdBandFilter.PhaseTaps; j++)
            {
                int k = (ThirdBandFilter.Factor * j) + phase;
                branch[ThirdBandFilter.PhaseTaps - 1 - j] = k < taps.Length ? ThirdBandFilter.Factor * taps[k] : 0;
            }

            _branches[phase] = branch;
        }
    }

    /// <summary>Writes three output samples per input sample. REAL-TIME: no allocation, no lock, no logging.</summary>
    public void Process(ReadOnlySpan<short> input, Span<short> output)
    {
        if (input.Length > _work.Length - History || output.Length < ThirdBandFilter.Factor * input.Length)
        {
            throw new ArgumentException("Frame larger than configured, or output shorter than three times the input.");
        }

        Span<float> work = _work;
        for (int i = 0; i < input.Length; i++)
        {
            work[History + i] = input[i];
        }

        for (int n = 0; n < input.Length; n++)
        {
            // The window ends on input n, the newest sample each of the three outputs may use.
            ReadOnlySpan<float> window = work.Slice(n, ThirdBandFilter.PhaseTaps);
            for (int phase = 0; phase < ThirdBandFilter.Factor; phase++)
            {
                float value = DotProduct.Of(_branches[phase], window);
                output[(ThirdBandFilter.Factor * n) + phase] = (short)Math.Clamp(MathF.Round(value), short.MinValue, short.MaxValue);
            }
        }

        work.Slice(input.Length, History).CopyTo(work);
    }
}
