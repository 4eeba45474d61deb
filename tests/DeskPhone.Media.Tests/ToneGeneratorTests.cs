using DeskPhone.Media.Tones;

namespace DeskPhone.Media.Tests;

public sealed class ToneGeneratorTests
{
    private const int FramesPerSecond = 50;

    /// <summary>Renders <paramref name="seconds"/> of the tone and says which frames carried sound.</summary>
    private static bool[] SoundingFrames(CallProgressTone tone, int seconds)
    {
        var generator = new ToneGenerator(Signal.SampleRate);
        generator.Select(tone);
        var frame = new short[Signal.FrameSamples];
        var sounding = new bool[seconds * FramesPerSecond];
        for (int i = 0; i < sounding.Length; i++)
        {
            generator.Render(frame);
            sounding[i] = frame.Any(sample => sample != 0);
        }

        return sounding;
    }

    [Fact]
    public void Ringback_OverFiveSeconds_IsOneSecondOnFourOff()
    {
        bool[] sounding = SoundingFrames(CallProgressTone.Ringback, 5);

        Assert.Equal(50, sounding.Count(on => on));
        Assert.All(sounding[..50], Assert.True);
        Assert.All(sounding[50..], Assert.False);
    }

    [Theory]
    [InlineData(CallProgressTone.Busy, 25)]
    [InlineData(CallProgressTone.Congestion, 10)]
    public void CadencedTone_AlternatesOnAndOffBursts(CallProgressTone tone, int burstFrames)
    {
        bool[] sounding = SoundingFrames(tone, 5);

        for (int i = 0; i < sounding.Length; i++)
        {
            Assert.Equal((i / burstFrames) % 2 == 0, sounding[i]);
        }
    }

    [Fact]
    public void Dial_IsContinuous425Hz()
    {
        var generator = new ToneGenerator(Signal.SampleRate);
        generator.Select(CallProgressTone.Dial);
        var signal = new short[3 * Signal.SampleRate];
        for (int offset = 0; offset < signal.Length; offset += Signal.FrameSamples)
        {
            generator.Render(signal.AsSpan(offset, Signal.FrameSamples));
        }

        // A phase jump anywhere in three seconds would spread energy away from 425 Hz.
        double tone = Signal.Amplitude(signal, ToneGenerator.FrequencyHz);
        Assert.InRange(tone, 7100, 7300);
        Assert.True(Signal.Amplitude(signal, 440) < 50);
        Assert.True(Signal.Amplitude(signal, 1000) < 50);
    }

    [Fact]
    public void Select_RestartsTheCadence()
    {
        var generator = new ToneGenerator(Signal.SampleRate);
        var frame = new short[Signal.FrameSamples];
        generator.Select(CallProgressTone.Busy);
        for (int i = 0; i < 30; i++)
        {
            generator.Render(frame);
        }

        Assert.All(frame, sample => Assert.Equal(0, sample));
        generator.Select(CallProgressTone.Busy);
        generator.Render(frame);

        Assert.Contains(frame, sample => sample != 0);
    }

    [Fact]
    public void None_RendersSilence()
    {
        var generator = new ToneGenerator(Signal.SampleRate);
        short[] frame = Enumerable.Repeat((short)99, Signal.FrameSamples).ToArray();
        generator.Select(CallProgressTone.None);

        generator.Render(frame);

        Assert.All(frame, sample => Assert.Equal(0, sample));
    }
}
