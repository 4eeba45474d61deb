using DeskPhone.Media.Resampling;
using Xunit.Abstractions;

namespace DeskPhone.Media.Tests;

/// <summary>
/// The 48 ↔ 16 kHz resamplers, measured with sines of one second (a whole number of cycles of
/// every whole-hertz tone, so the Goertzel measurements do not leak) and speech-like noise.
/// </summary>
public sealed class ThirdBandResamplerTests(ITestOutputHelper output)
{
    private const double Amplitude = 10000;

    /// <summary>The delay of the pair, down then up, in 48 kHz samples: 102 each way.</summary>
    private const int PairDelay = 2 * ThirdBandFilter.CentreDelay;

    private static short[] Sine(double frequency, int sampleRate, int samples, double delay = 0) =>
        [.. Enumerable.Range(0, samples).Select(i => (short)Math.Round(Amplitude * Math.Sin(2 * Math.PI * frequency * (i - delay) / sampleRate)))];

    private static short[] Down(short[] input, int frame = 960)
    {
        var downsampler = new DownsamplerBy3(frame);
        var result = new short[input.Length / 3];
        for (int offset = 0; offset < input.Length; offset += frame)
        {
            downsampler.Process(input.AsSpan(offset, frame), result.AsSpan(offset / 3, frame / 3));
        }

        return result;
    }

    private static short[] Up(short[] input, int frame = 320)
    {
        var upsampler = new UpsamplerBy3(frame);
        var result = new short[input.Length * 3];
        for (int offset = 0; offset < input.Length; offset += frame)
        {
            upsampler.Process(input.AsSpan(offset, frame), result.AsSpan(offset * 3, frame * 3));
        }

        return result;
    }

    private static double Db(double amplitude) => 20 * Math.Log10(amplitude / Amplitude);

    private static double RmsDb(ReadOnlySpan<short> samples)
    {
        double energy = 0;
        foreach (short sample in samples)
        {
            energy += (double)sample * sample;
        }

        // Relative to the test sine's RMS, amplitude / √2.
        return 10 * Math.Log10(energy / samples.Length / (Amplitude * Amplitude / 2));
    }

    private static double SnrDb(ReadOnlySpan<short> reference, ReadOnlySpan<short> actual)
    {
        double signal = 0, noise = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            signal += (double)reference[i] * reference[i];
            noise += Math.Pow(reference[i] - actual[i], 2);
        }

        return 10 * Math.Log10(signal / noise);
    }

    /// <summary>Pass-band gains from 100 Hz to 7 kHz, in dB, by Goertzel on the second after the filter settled.</summary>
    private static IEnumerable<(int Hz, double Db)> PassBand(Func<int, double> gainOf) =>
        Enumerable.Range(1, 70).Select(step => step * 100).Select(hz => (hz, gainOf(hz)));

    [Fact]
    public void Downsample_PassBandTo7kHz_IsFlatWithinFiveHundredthsOfADecibel()
    {
        var gains = PassBand(hz => Db(Signal.Amplitude(Down(Sine(hz, 48000, 67200)).AsSpan(2000, 16000), hz, 16000))).ToList();

        double ripple = gains.Max(g => Math.Abs(g.Db));
        output.WriteLine($"48 → 16 kHz pass band 100–7000 Hz: ±{ripple:F4} dB");
        Assert.True(ripple < 0.05, $"ripple ±{ripple:F4} dB");
    }

    [Fact]
    public void Upsample_PassBandTo7kHz_IsFlatWithinFiveHundredthsOfADecibel()
    {
        var gains = PassBand(hz => Db(Signal.Amplitude(Up(Sine(hz, 16000, 21440)).AsSpan(16000, 48000), hz, 48000))).ToList();

        double ripple = gains.Max(g => Math.Abs(g.Db));
        output.WriteLine($"16 → 48 kHz pass band 100–7000 Hz: ±{ripple:F4} dB");
        Assert.True(ripple < 0.05, $"ripple ±{ripple:F4} dB");
    }

    /// <summary>A tone above 8 kHz has no place at 16 kHz: whatever comes out is its alias, all of it measured.</summary>
    [Theory]
    [InlineData(8050)]
    [InlineData(8200)]
    [InlineData(9000)]
    [InlineData(11000)]
    [InlineData(15000)]
    [InlineData(17000)]
    [InlineData(23900)]
    public void Downsample_ToneAbove8kHz_IsRejectedBy60Db(int frequency)
    {
        short[] result = Down(Sine(frequency, 48000, 67200));

        double level = RmsDb(result.AsSpan(2000, 16000));
        output.WriteLine($"48 → 16 kHz, {frequency} Hz: {level:F1} dB");
        Assert.True(level < -60, $"{level:F1} dB");
    }

    /// <summary>The images of a 16 kHz tone at 16 ± f kHz, each measured at 48 kHz.</summary>
    [Theory]
    [InlineData(300)]
    [InlineData(1000)]
    [InlineData(3400)]
    [InlineData(7000)]
    [InlineData(7800)]
    public void Upsample_ImagesOfTheBand_AreRejectedBy60Db(int frequency)
    {
        short[] result = Up(Sine(frequency, 16000, 21440));
        ReadOnlySpan<short> settled = result.AsSpan(16000, 48000);

        double below = Db(Signal.Amplitude(settled, 16000 - frequency, 48000));
        double above = Db(Signal.Amplitude(settled, 16000 + frequency, 48000));
        output.WriteLine($"16 → 48 kHz, {frequency} Hz: images {below:F1} dB at {16000 - frequency} Hz, {above:F1} dB at {16000 + frequency} Hz");
        Assert.True(below < -60 && above < -60, $"{below:F1} dB, {above:F1} dB");
    }

    [Fact]
    public void DownThenUp_SpeechLikeSignal_ComesBackDelayedBy204Samples()
    {
        // Speech-like at 48 kHz: its formants and pitch lie far below 7 kHz, where the pair is transparent.
        short[] input = TestSignals.SpeechLike(48000, 1.0, seed: 48);

        short[] result = Up(Down(input));

        // The delay is found, not assumed: the lag of the strongest cross-correlation.
        int delay = Enumerable.Range(0, 400).MaxBy(lag => CrossCorrelation(input, result, lag));
        double snr = SnrDb(input.AsSpan(4800, 38400), result.AsSpan(4800 + delay, 38400));
        output.WriteLine($"pair delay {delay} samples = {delay / 48.0:F3} ms; speech-like SNR {snr:F1} dB");
        Assert.Equal(PairDelay, delay);

        // What is lost is what a 16 kHz stream cannot carry: the glottal pulses' harmonics and the
        // breath noise above 7–8 kHz, some 44 dB below the signal. The sines below measure the
        // pair's own error in the band it carries.
        Assert.True(snr > 40, $"SNR {snr:F1} dB");
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(3000)]
    [InlineData(6500)]
    public void DownThenUp_Sine_HasAnSnrAbove70Db(int frequency)
    {
        short[] result = Up(Down(Sine(frequency, 48000, 48000)));

        short[] expected = Sine(frequency, 48000, 48000, delay: PairDelay);
        double snr = SnrDb(expected.AsSpan(4800), result.AsSpan(4800));
        output.WriteLine($"{frequency} Hz down and up: SNR {snr:F1} dB");
        Assert.True(snr > 70, $"SNR {snr:F1} dB");
    }

    [Fact]
    public void Process_InFramesOrAtOnce_GivesTheSameSamples()
    {
        short[] input = TestSignals.SpeechLike(48000, 0.4, seed: 5);

        Assert.Equal(Down(input, input.Length), Down(input, 960));
        short[] narrow = Down(input);
        Assert.Equal(Up(narrow, narrow.Length), Up(narrow, 320));
    }

    /// <summary>The filter's own response, |H(f)| = |Σ h[k]·e^(−2πifk/48000)|, on a 10 Hz grid.</summary>
    [Fact]
    public void Filter_FlatTo7kHz_AndAtLeast60DbDownFrom8kHz()
    {
        double ResponseDb(int hz)
        {
            double re = 0, im = 0;
            for (int k = 0; k < ThirdBandFilter.Length; k++)
            {
                re += ThirdBandFilter.Taps[k] * Math.Cos(2 * Math.PI * hz * k / 48000);
                im -= ThirdBandFilter.Taps[k] * Math.Sin(2 * Math.PI * hz * k / 48000);
            }

            return 10 * Math.Log10((re * re) + (im * im));
        }

        double ripple = Enumerable.Range(0, 701).Max(step => Math.Abs(ResponseDb(step * 10)));
        double stopBand = Enumerable.Range(800, 1601).Max(step => ResponseDb(step * 10));
        output.WriteLine($"filter: pass band 0–7 kHz ±{ripple:F4} dB; stop band 8–24 kHz at most {stopBand:F1} dB");
        Assert.True(ripple < 0.05, $"ripple ±{ripple:F4} dB");
        Assert.True(stopBand < -60, $"stop band {stopBand:F1} dB");
    }

    [Fact]
    public void EveryPolyphaseBranch_PassesDcAtUnityGain()
    {
        for (int phase = 0; phase < ThirdBandFilter.Factor; phase++)
        {
            double sum = 0;
            for (int k = phase; k < ThirdBandFilter.Length; k += ThirdBandFilter.Factor)
            {
                sum += ThirdBandFilter.Taps[k];
            }

            Assert.Equal(1.0 / 3, sum, precision: 6);
        }

        Assert.Equal(ThirdBandFilter.Taps, ThirdBandFilter.Taps.Reverse());
    }

    [Fact]
    public void Process_WithAFrameNotAMultipleOf3OrTooLong_Throws()
    {
        var down = new DownsamplerBy3(960);
        var up = new UpsamplerBy3(320);

        Assert.Throws<ArgumentException>(() => down.Process(new short[959], new short[320]));
        Assert.Throws<ArgumentException>(() => down.Process(new short[963], new short[321]));
        Assert.Throws<ArgumentException>(() => up.Process(new short[321], new short[963]));
        Assert.Throws<ArgumentException>(() => up.Process(new short[320], new short[959]));
    }

    private static double CrossCorrelation(short[] input, short[] result, int lag)
    {
        double sum = 0;
        for (int i = 4800; i < 43200; i++)
        {
            sum += (double)input[i] * result[i + lag];
        }

        return sum;
    }
}
