using DeskPhone.Hal.Simulator;

namespace DeskPhone.Hal.Simulator.Tests;

public sealed class ToneCaptureSourceTests
{
    [Theory]
    [InlineData(440)]
    [InlineData(1000)]
    [InlineData(3100)]
    public void Read_OverOneSecond_HasOneUpwardZeroCrossingPerCycle(double hz)
    {
        var tone = new ToneCaptureSource(hz, 8000, 8000);
        short[] second = ReadFrames(tone, frames: 50, frameSamples: 160);

        int upward = 0;
        for (int i = 1; i < second.Length; i++)
        {
            if (second[i - 1] < 0 && second[i] >= 0)
            {
                upward++;
            }
        }

        Assert.InRange(upward, hz - 1, hz + 1);
    }

    [Fact]
    public void Read_PeaksAtTheRequestedAmplitude()
    {
        var tone = new ToneCaptureSource(1000, 10000, 8000);

        short[] samples = ReadFrames(tone, frames: 5, frameSamples: 160);

        Assert.InRange(samples.Max(), 9900, 10000);
        Assert.InRange(samples.Min(), -10000, -9900);
    }

    [Fact]
    public void Read_IsPhaseContinuousAcrossFrames()
    {
        var byFrames = new ToneCaptureSource(697, 8000, 8000);
        var inOneGo = new ToneCaptureSource(697, 8000, 8000);

        short[] framed = ReadFrames(byFrames, frames: 10, frameSamples: 160);
        short[] whole = new short[1600];
        inOneGo.Read(whole);

        Assert.Equal(whole, framed);
    }

    private static short[] ReadFrames(IAudioCaptureSource source, int frames, int frameSamples)
    {
        var all = new short[frames * frameSamples];
        for (int f = 0; f < frames; f++)
        {
            source.Read(all.AsSpan(f * frameSamples, frameSamples));
        }

        return all;
    }
}
