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
    public void Probe()
    {
        var cases = new (string Name, JitterTrace Trace, double Seconds)[]
        {
            ("jitter60", new JitterTrace { Jitter = JitterTrace.Uniform(60, 1) }, 120),
            ("spike", new JitterTrace { Jitter = n => n is >= 1000 and < 1150 ? JitterTrace.Uniform(120, 2)(n) : JitterTrace.Uniform(5, 3)(n) }, 90),
            ("loss", new JitterTrace { IsLost = n => n % 100 is 50 or 51 or 52 }, 60),
            ("fast", new JitterTrace { DriftPpm = 1000, Jitter = JitterTrace.Uniform(10, 4) }, 300),
            ("slow", new JitterTrace { DriftPpm = -1000, Jitter = JitterTrace.Uniform(10, 5) }, 300),
            ("fast0", new JitterTrace { DriftPpm = 1000 }, 300),
            ("slow0", new JitterTrace { DriftPpm = -1000 }, 300),
        };
        foreach (var c in cases)
        {
            var buffer = new JitterBuffer(JitterFrames.PayloadBytes);
            var r = c.Trace.Run(buffer, c.Seconds);
            (double mean, double max) = r.DelayMilliseconds();
            output.WriteLine($"{c.Name}: frames {r.Count(JitterPop.Frame)}, lostpops {r.Count(JitterPop.Lost)} under {r.Count(JitterPop.Underrun)} ins {r.Count(JitterPop.Inserted)}; lost {buffer.Lost}, late {buffer.Late}, underruns {buffer.Underruns}, inserted {buffer.Inserted}, dropped {buffer.Dropped}, reordered {r.Reordered}, target {buffer.TargetFrames}, delay mean {mean:F1} max {max:F1}");
            for (int s = 0; s < c.Seconds; s += 5) { var d = r.DelayMilliseconds(s, s + 5); output.WriteLine($"   t={s} target {r.TargetAt(s)} delay {d.Mean:F1}/{d.Max:F1}"); }
        }
    }
}
