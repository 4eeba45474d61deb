using System.Diagnostics;
using DeskPhone.Hal.Simulator;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeskPhone.Hal.Simulator.Tests;

public sealed class AplayPlaybackSinkTests
{
    [Fact]
    public void WhenThePlayerDies_TheSinkDiscardsSoundAndNeverRestartsIt()
    {
        // /bin/true stands in for an aplay that exits at once (no device, killed, crashed).
        var sink = new AplayPlaybackSink("/bin/true", NullLogger.Instance);
        var format = new AudioFormat(8000, 160);
        var frame = new short[160];
        sink.Open(format);

        var limit = Stopwatch.StartNew();
        while (sink.Description != "none (aplay failed)")
        {
            Assert.True(limit.Elapsed < TimeSpan.FromSeconds(5), "the broken pipe was never noticed");
            sink.Write(frame);
            Thread.Sleep(10);
        }

        sink.Close();
        sink.Open(format);
        sink.Write(frame);
        sink.Close();

        Assert.Equal("none (aplay failed)", sink.Description);
    }

    [Fact]
    public void WhenThePlayerCannotStart_TheSinkDiscardsSound()
    {
        var sink = new AplayPlaybackSink("/nonexistent/aplay", NullLogger.Instance);

        sink.Open(new AudioFormat(8000, 160));
        sink.Write(new short[160]);
        sink.Close();

        Assert.Equal("none (aplay failed)", sink.Description);
    }
}
