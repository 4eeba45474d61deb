using DeskPhone.Media.Rtp;
using Xunit.Abstractions;

namespace DeskPhone.Media.Tests;

/// <summary>
/// The jitter buffer over minutes of generated traffic: jitter with reordering, a jitter spike,
/// loss bursts and clock drift. Every figure asserted is also written to the test output.
/// </summary>
public sealed class JitterTraceTests(ITestOutputHelper output)
{
    private readonly JitterBuffer _buffer = new(JitterFrames.PayloadBytes);

    private void Report(JitterTrace.Result result, string name)
    {
        (double mean, double max) = result.DelayMilliseconds();
        output.WriteLine(
            $"{name}: frames {result.Count(JitterPop.Frame)}, lost {_buffer.Lost}, late {_buffer.Late}, underruns {_buffer.Underruns}, " +
            $"inserted {_buffer.Inserted}, dropped {_buffer.Dropped}, reordered {result.Reordered}, target {_buffer.TargetFrames}, " +
            $"delay mean {mean:F1} ms max {max:F1} ms");
    }

    [Fact]
    public void SteadyStream_WithoutJitter_PlaysEveryFrameWithinOneFrame()
    {
        JitterTrace.Result result = new JitterTrace().Run(_buffer, 60);
        Report(result, "steady");

        Assert.Equal(0, _buffer.Underruns + _buffer.Lost + _buffer.Inserted + _buffer.Dropped);
        Assert.Equal(60 * 50, result.Count(JitterPop.Frame));
        Assert.True(result.DelayMilliseconds().Max <= 20, "more than one frame of added delay");
    }

    [Fact]
    public void Jitter_Of60ms_WithReordering_SettlesWithoutUnderrunsAtAbout70ms()
    {
        JitterTrace.Result result = new JitterTrace { Jitter = JitterTrace.Uniform(60, seed: 1) }.Run(_buffer, 120);
        Report(result, "jitter 0-60 ms");

        // Uniform 0-60 ms jitter puts packets up to three frames out of order.
        Assert.True(result.Reordered > 1000, $"{result.Reordered} reordered");

        // One frame plus 60 ms rounded up to frames; a single underrun while the estimate learns.
        Assert.Equal(4, _buffer.TargetFrames);
        Assert.True(_buffer.Underruns <= 1, $"{_buffer.Underruns} underruns");
        Assert.Equal(0, _buffer.Lost + _buffer.Late);
        Assert.True(_buffer.Inserted + _buffer.Dropped <= 2, $"{_buffer.Inserted} inserted, {_buffer.Dropped} dropped");
        (double mean, double max) = result.DelayMilliseconds(fromSecond: 10);
        Assert.InRange(mean, 60, 80);
        Assert.True(max <= 90, $"max delay {max} ms");
    }

    [Fact]
    public void JitterSpike_RaisesTheTargetFastAndLowersItSlowly()
    {
        // 20 s of 0-2 ms jitter (a quiet LAN), 3 s of 0-120 ms, then quiet again.
        Func<int, long> calm = JitterTrace.Uniform(2, seed: 3);
        Func<int, long> storm = JitterTrace.Uniform(120, seed: 2);
        JitterTrace.Result result = new JitterTrace { Jitter = n => n is >= 1000 and < 1150 ? storm(n) : calm(n) }.Run(_buffer, 90);
        Report(result, "spike");

        Assert.Equal(1, result.TargetAt(19.9));
        Assert.True(result.TargetAt(20.5) >= 5, $"target {result.TargetAt(20.5)} half a second into the spike");

        // Still raised five seconds after the spike, back to one frame within half a minute.
        Assert.True(result.TargetAt(28) >= 3, $"target {result.TargetAt(28)} five seconds after the spike");
        Assert.Equal(1, result.TargetAt(50));
        Assert.True(result.DelayMilliseconds(fromSecond: 50).Max <= 20, "delay not back to one frame");

        // The spike costs one underrun, no lost frame; the delay then shrinks one frame at a time.
        Assert.True(_buffer.Underruns <= 2, $"{_buffer.Underruns} underruns");
        Assert.Equal(0, _buffer.Lost + _buffer.Late);
        Assert.InRange(_buffer.Dropped, 5, 12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(12)]
    public void SparseLoss_AfterALateBurst_DoesNotKeepTheExtraFrame(int seed)
    {
        // At 10 s one second of 0-18 ms jitter: a packet 16 ms later than the earliest raises
        // the target to two frames. Then no jitter, and from packet 550 on 1 % loss (seed 0:
        // every hundredth packet, the case that held the extra frame for good; otherwise
        // random) for the minute that follows.
        Func<int, long> burst = JitterTrace.Uniform(18, seed: 5);
        Func<int, long> jitter = n => n is >= 500 and < 550 ? burst(n) : 0;
        Func<int, bool> isLost = seed == 0 ? n => n >= 550 && n % 100 == 77 : JitterTrace.RandomLoss(0.01, fromPacket: 550, seed);
        var clean = new JitterBuffer(JitterFrames.PayloadBytes);
        JitterTrace.Result withoutLoss = new JitterTrace { Jitter = jitter }.Run(clean, 71);
        JitterTrace.Result result = new JitterTrace { Jitter = jitter, IsLost = isLost }.Run(_buffer, 71);
        Report(result, $"late burst, then 1 % loss (seed {seed})");
        double cleanFrom = withoutLoss.DelayWithinFrom(20);
        double lossyFrom = result.DelayWithinFrom(20);
        output.WriteLine($"back to one frame of delay: at {cleanFrom:F2} s without loss, {lossyFrom:F2} s with it");

        Assert.Equal(2, result.TargetAt(11));
        Assert.True(result.DelayMilliseconds(15, 20).Mean > 20, "the burst did not add a frame");
        Assert.Equal(1, result.TargetAt(30));

        // Without loss the extra frame goes at the end of the first 2 s shrink window after the
        // target is back to one frame. The estimate decays per packet received, so with 1 % of
        // them missing it gets there 1 % later (here by 0.1 s), which may miss that window's
        // end: one window of margin, no more.
        Assert.InRange(cleanFrom, 20, 26);
        Assert.InRange(lossyFrom, cleanFrom - 0.1, cleanFrom + (JitterBuffer.ShrinkWindow * 0.02) + 0.1);
        Assert.True(_buffer.Lost >= 20, $"{_buffer.Lost} lost");
        Assert.True(_buffer.Underruns <= 1, $"{_buffer.Underruns} underruns");
    }

    [Fact]
    public void SparseLateFrames_UnlikeLostOnes_KeepTheExtraDelay()
    {
        // The same burst, then every hundredth packet 30 ms late instead of lost: with two
        // frames of delay (27 ms of cushion) the first of them comes after its playout time.
        Func<int, long> burst = JitterTrace.Uniform(18, seed: 5);
        JitterTrace.Result result = new JitterTrace
        {
            Jitter = n => n is >= 500 and < 550 ? burst(n) : n % 100 == 77 ? 30_000 : 0,
        }.Run(_buffer, 71);
        Report(result, "late burst, then 1 % of packets 30 ms late");

        // Each of them is late, and each keeps the target at two frames or more: the extra
        // frame that a loss no longer holds, lateness still does.
        Assert.True(_buffer.Late >= 30, $"{_buffer.Late} late");
        Assert.All(Enumerable.Range(30, 40), second => Assert.True(result.TargetAt(second) >= 2, $"target {result.TargetAt(second)} at {second} s"));
        (double mean, _) = result.DelayMilliseconds(fromSecond: 30);
        output.WriteLine($"delay from 30 s: mean {mean:F1} ms");
        Assert.True(mean >= 27, $"mean delay {mean:F1} ms from 30 s: the extra frame was dropped");
    }

    [Fact]
    public void LossBursts_AreCountedAsLostNotAsUnderruns()
    {
        // Three packets in a row out of every hundred.
        JitterTrace.Result result = new JitterTrace { IsLost = n => n % 100 is 50 or 51 or 52 }.Run(_buffer, 60);
        Report(result, "loss bursts");

        Assert.Equal(90, _buffer.Lost);
        Assert.Equal(0, _buffer.Underruns);
        Assert.Equal(90, result.Count(JitterPop.Underrun) + result.Count(JitterPop.Lost));
        Assert.Equal(60 * 50 - 90, result.Count(JitterPop.Frame));
        Assert.True(result.DelayMilliseconds().Max <= 20, "a loss must not add delay");
    }

    [Theory]
    [InlineData(+1000, 0)]
    [InlineData(-1000, 0)]
    [InlineData(+1000, 10)]
    [InlineData(-1000, 10)]
    public void ClockDrift_OverFiveMinutes_IsAbsorbedOneFrameAtATime(double driftPpm, double jitterMilliseconds)
    {
        var trace = new JitterTrace { DriftPpm = driftPpm, Jitter = JitterTrace.Uniform(jitterMilliseconds, seed: 4) };
        JitterTrace.Result result = trace.Run(_buffer, 300);
        Report(result, $"drift {driftPpm} ppm, jitter 0-{jitterMilliseconds} ms");

        // 0.1 % of 15,000 frames is 15: dropped when the sender is fast, inserted when it is slow.
        long corrections = driftPpm > 0 ? _buffer.Dropped - _buffer.Inserted : _buffer.Inserted - _buffer.Dropped;
        Assert.InRange(corrections, 13, 17);
        Assert.True(_buffer.Dropped + _buffer.Inserted <= 17, $"{_buffer.Dropped} dropped, {_buffer.Inserted} inserted: churn");
        Assert.True(_buffer.Underruns <= 1, $"{_buffer.Underruns} underruns");
        Assert.Equal(0, _buffer.Lost + _buffer.Late);

        // Bounded: never more than two frames beyond the jitter.
        Assert.True(result.DelayMilliseconds(fromSecond: 10).Max <= 40 + jitterMilliseconds + 2, $"max delay {result.DelayMilliseconds().Max} ms");
    }
}
