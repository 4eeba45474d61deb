using DeskPhone.Media.Tones;

namespace DeskPhone.Media.Tests;

public sealed class ToneGeneratorTests
{
    private static short[] Render(ToneGenerator generator, int sampleRate, double seconds)
    {
        var signal = new short[(int)(sampleRate * seconds)];
        int frame = sampleRate / 50;
        for (int offset = 0; offset + frame <= signal.Length; offset += frame)
        {
            generator.Render(signal.AsSpan(offset, frame));
        }

        return signal;
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    public void ContinuousTone_OverThreeSeconds_KeepsItsFrequencyAndLevel(int sampleRate)
    {
        var generator = new ToneGenerator(sampleRate);
        generator.Play(ToneSpec.Single(425, -10));

        short[] signal = Render(generator, sampleRate, 3);

        // -10 dBm0 is a peak of 7190; a phase jump or drift anywhere would spread energy away from 425 Hz.
        Assert.InRange(Signal.Amplitude(signal, 425, sampleRate), 7150, 7200);
        Assert.True(Signal.Amplitude(signal, 440, sampleRate) < 20);
        Assert.True(Signal.Amplitude(signal, 1000, sampleRate) < 20);
    }

    [Fact]
    public void DualTone_HasBothComponentsAtTheirLevels()
    {
        var generator = new ToneGenerator(8000);
        generator.Play(new ToneSpec(697, 1209, -8, -6, []));

        short[] signal = Render(generator, 8000, 1);

        Assert.InRange(Signal.Amplitude(signal, 697), ToneSpec.PeakAmplitude(-8) * 0.99, ToneSpec.PeakAmplitude(-8) * 1.01);
        Assert.InRange(Signal.Amplitude(signal, 1209), ToneSpec.PeakAmplitude(-6) * 0.99, ToneSpec.PeakAmplitude(-6) * 1.01);
    }

    [Fact]
    public void Bursts_FadeInAndOut_SoTheCadenceDoesNotClick()
    {
        var generator = new ToneGenerator(8000);
        generator.Play(ToneSpec.Single(1000, -10, 100, 100));

        short[] signal = Render(generator, 8000, 0.4);

        // Each burst is 800 samples; its first and last samples are near zero, the middle loud.
        foreach (int start in new[] { 0, 1600 })
        {
            Assert.InRange(Math.Abs((int)signal[start]), 0, 300);
            Assert.InRange(Math.Abs((int)signal[start + 799]), 0, 300);
            Assert.True(signal.AsSpan(start + 100, 100).ToArray().Max(sample => Math.Abs((int)sample)) > 7000);
        }

        int largestStep = signal.Zip(signal.Skip(1)).Max(pair => Math.Abs(pair.First - pair.Second));

        // A 1 kHz sine of peak 7190 moves at most 2π·1000/8000·7190 ≈ 5650 per sample; a click would exceed it.
        Assert.True(largestStep <= 5700, $"step {largestStep}");
    }

    [Fact]
    public void ToneThatDoesNotRepeat_EndsAfterItsCadence()
    {
        var generator = new ToneGenerator(8000);
        generator.Play(new ToneSpec(1400, 0, -20, -20, [60], repeats: false));

        short[] signal = Render(generator, 8000, 0.2);

        Assert.Equal([60, 140], ToneAnalysis.Runs(signal, 8000));
        Assert.Null(generator.Playing);
    }

    [Fact]
    public void Play_RestartsTheCadence()
    {
        var generator = new ToneGenerator(8000);
        var frame = new short[160];
        ToneSpec busy = ToneSpec.Single(425, -10, 500, 500);
        generator.Play(busy);
        for (int i = 0; i < 30; i++)
        {
            generator.Render(frame);
        }

        Assert.All(frame, sample => Assert.Equal(0, sample));
        generator.Play(busy);
        generator.Render(frame);

        Assert.Contains(frame, sample => sample != 0);
    }

    [Fact]
    public void Mix_AddsTheToneAndSaturates()
    {
        var generator = new ToneGenerator(8000);
        generator.Play(ToneSpec.Single(1000, 3));
        short[] frame = Enumerable.Repeat((short)30000, 160).ToArray();

        generator.Mix(frame);

        Assert.Equal(short.MaxValue, frame.Max());
        Assert.True(frame.Min() < 30000 - 10000);
    }

    [Fact]
    public void NothingPlaying_RendersSilenceAndMixesNothing()
    {
        var generator = new ToneGenerator(8000);
        short[] frame = Enumerable.Repeat((short)99, 160).ToArray();
        generator.Mix(frame);
        Assert.All(frame, sample => Assert.Equal(99, sample));

        generator.Play(null);
        generator.Render(frame);

        Assert.All(frame, sample => Assert.Equal(0, sample));
    }
}
