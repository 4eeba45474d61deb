using DeskPhone.Hal.Simulator;

namespace DeskPhone.Hal.Simulator.Tests;

public sealed class FramePacerTests
{
    // A 1 MHz timestamp scale keeps the arithmetic readable: 20 ms = 20,000 ticks.
    private const long TicksPerSecond = 1_000_000;
    private static readonly AudioFormat Format = new(8000, 160);

    [Fact]
    public void Deadlines_FollowTheFrameCountFromTheStart_WithoutDrift()
    {
        var pacer = new FramePacer(Format, TicksPerSecond, lateLimitFrames: 3);
        pacer.Restart(now: 500);

        for (int frame = 1; frame <= 1000; frame++)
        {
            // Each frame is processed a little late; deadlines must not slide with it.
            Assert.False(pacer.Advance(now: pacer.Deadline + 700));
        }

        Assert.Equal(500 + (1000 * 20_000L), pacer.Deadline);
    }

    [Fact]
    public void Deadlines_WithAPeriodThatIsNotWholeTicks_StayExactOverTime()
    {
        // 7 samples at 48 kHz last 145.83 µs: a period rounded to whole ticks would drift.
        var pacer = new FramePacer(new AudioFormat(48000, 7), TicksPerSecond, lateLimitFrames: 3);
        pacer.Restart(now: 0);

        for (int frame = 0; frame < 48000; frame++)
        {
            pacer.Advance(now: pacer.Deadline);
        }

        // 48000 frames of 7 samples = 7 seconds exactly.
        Assert.Equal(7 * TicksPerSecond, pacer.Deadline);
    }

    [Fact]
    public void Advance_WhenFarBehind_CountsAnOverrunAndRestartsFromNow()
    {
        var pacer = new FramePacer(Format, TicksPerSecond, lateLimitFrames: 3);
        pacer.Restart(now: 0);

        bool overrun = pacer.Advance(now: 200_000);

        Assert.True(overrun);
        Assert.Equal(200_000, pacer.Deadline);
    }

    [Fact]
    public void Advance_WhenSlightlyBehind_CatchesUpWithoutAnOverrun()
    {
        var pacer = new FramePacer(Format, TicksPerSecond, lateLimitFrames: 3);
        pacer.Restart(now: 0);

        bool overrun = pacer.Advance(now: 60_000);

        Assert.False(overrun);
        Assert.Equal(20_000, pacer.Deadline);
    }

    [Fact]
    public void Ticks_ForAYearOfSamplesOnANanosecondClock_DoesNotOverflow()
    {
        long yearOfSamples = 365L * 24 * 3600 * 8000;

        long ticks = FramePacer.Ticks(yearOfSamples + 4000, 8000, 1_000_000_000);

        Assert.Equal((365L * 24 * 3600 * 1_000_000_000) + 500_000_000, ticks);
    }
}
