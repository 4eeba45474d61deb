using DeskPhone.Media.Resampling;

namespace DeskPhone.Media.Tests;

public sealed class ResamplerTests
{
    private static short[] Sine(double frequency, int sampleRate, int samples, double delay = 0) =>
        [.. Enumerable.Range(0, samples).Select(i => (short)Math.Round(10000 * Math.Sin(2 * Math.PI * frequency * (i - delay) / sampleRate)))];

    private static short[] Up(short[] input, int frame = 160)
    {
        var upsampler = new Upsampler(frame);
        var output = new short[input.Length * 2];
        for (int offset = 0; offset < input.Length; offset += frame)
        {
            upsampler.Process(input.AsSpan(offset, frame), output.AsSpan(offset * 2, frame * 2));
        }

        return output;
    }

    private static short[] Down(short[] input, int frame = 320)
    {
        var downsampler = new Downsampler(frame);
        var output = new short[input.Length / 2];
        for (int offset = 0; offset < input.Length; offset += frame)
        {
            downsampler.Process(input.AsSpan(offset, frame), output.AsSpan(offset / 2, frame / 2));
        }

        return output;
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

    [Theory]
    [InlineData(300)]
    [InlineData(1000)]
    [InlineData(3000)]
    public void Upsample_TelephoneBandTone_IsTheSameToneAt16kHzDelayed23Samples(double frequency)
    {
        short[] output = Up(Sine(frequency, 8000, 1600));

        short[] expected = Sine(frequency, 16000, 3200, delay: 23);
        double snr = SnrDb(expected.AsSpan(200), output.AsSpan(200));
        Assert.True(snr > 40, $"SNR {snr:F1} dB");
    }

    [Fact]
    public void Upsample_1kHz_LeavesNoImageAt7kHz()
    {
        short[] output = Up(Sine(1000, 8000, 1600));

        Assert.True(Signal.Amplitude(output.AsSpan(200), 7000, 16000) < 10);
    }

    [Fact]
    public void Downsample_TelephoneBandTone_KeepsItDelayed11Samples()
    {
        short[] output = Down(Sine(1000, 16000, 3200));

        short[] expected = Sine(1000, 8000, 1600, delay: 11);
        double snr = SnrDb(expected.AsSpan(100), output.AsSpan(100));
        Assert.True(snr > 40, $"SNR {snr:F1} dB");
    }

    [Theory]
    [InlineData(5000)]
    [InlineData(6000)]
    [InlineData(7500)]
    public void Downsample_ToneAbove4kHz_DoesNotFoldIntoTheTelephoneBand(double frequency)
    {
        short[] output = Down(Sine(frequency, 16000, 3200));

        // The tone would fold to 8000 - f; at least 50 dB below its 10000 amplitude.
        Assert.True(Signal.Amplitude(output.AsSpan(100), 8000 - frequency) < 32);
    }

    [Fact]
    public void Process_InFramesOrAtOnce_GivesTheSameSamples()
    {
        short[] input = TestSignals.SpeechLike(8000, 0.4, seed: 4);

        Assert.Equal(Up(input, input.Length), Up(input, 160));
        Assert.Equal(Down(input, input.Length), Down(input, 320));
    }

    [Fact]
    public void HalfBandTaps_SumToUnityGain()
    {
        Assert.Equal(1.0, 0.5 + (2 * HalfBandFilter.Taps.Sum()), precision: 12);
    }
}
