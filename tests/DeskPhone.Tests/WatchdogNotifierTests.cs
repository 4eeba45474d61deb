using DeskPhone.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DeskPhone.Tests;

public sealed class WatchdogNotifierTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(15);

    /// <summary>A guard against a hung test only; every wait below is for work that is already due.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("30000000", null, 15.0)]
    [InlineData("30000000", "42", 15.0)]
    [InlineData("1000", "42", 0.0005)]
    public void PeriodFromEnvironment_WatchdogForThisProcess_IsHalfTheTimeout(string usec, string? pid, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), WatchdogNotifier.PeriodFromEnvironment(usec, pid, processId: 42));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("0", null)]
    [InlineData("-5", null)]
    [InlineData("soon", null)]
    [InlineData("30000000", "43")]
    [InlineData("30000000", "x")]
    public void PeriodFromEnvironment_NoWatchdogForThisProcess_IsNull(string? usec, string? pid)
    {
        Assert.Null(WatchdogNotifier.PeriodFromEnvironment(usec, pid, processId: 42));
    }

    [Fact]
    public async Task Tick_LoopAnswers_SendsWatchdogPing()
    {
        var time = new FakeTimeProvider();
        var notifier = new RecordingNotifier();
        using var watchdog = new WatchdogNotifier(notifier, Period, () => Task.CompletedTask, time, NullLogger<WatchdogNotifier>.Instance);
        await watchdog.StartAsync(CancellationToken.None);

        time.Advance(Period);
        var first = await notifier.Next.WaitAsync(Guard);
        time.Advance(Period);
        var second = await notifier.Next.WaitAsync(Guard);

        Assert.Equal("WATCHDOG=1", first);
        Assert.Equal("WATCHDOG=1", second);
        await watchdog.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Tick_LoopWedged_SendsNothing()
    {
        var time = new FakeTimeProvider();
        var notifier = new RecordingNotifier();
        var probes = new ProbeLog();
        using var watchdog = new WatchdogNotifier(notifier, Period, probes.Wedged, time, NullLogger<WatchdogNotifier>.Instance);
        await watchdog.StartAsync(CancellationToken.None);

        time.Advance(Period);
        await probes.Next.WaitAsync(Guard);
        // The wedged probe times out at the next tick, which starts the next probe.
        time.Advance(Period);
        await probes.Next.WaitAsync(Guard);

        Assert.Empty(notifier.States);
        await watchdog.StopAsync(CancellationToken.None);
    }

    /// <summary>Records what would go to systemd; Notify is called on thread-pool threads.</summary>
    private sealed class RecordingNotifier : ISystemdNotifier
    {
        private readonly System.Threading.Channels.Channel<string> sent = System.Threading.Channels.Channel.CreateUnbounded<string>();

        public List<string> States { get; } = [];

        public bool IsEnabled => true;

        public Task<string> Next => sent.Reader.ReadAsync().AsTask();

        public void Notify(ServiceState state)
        {
            lock (States)
            {
                States.Add(state.ToString());
            }

            sent.Writer.TryWrite(state.ToString());
        }
    }

    /// <summary>A signalling loop that never runs the probe; signals each probe as it starts.</summary>
    private sealed class ProbeLog
    {
        private readonly System.Threading.Channels.Channel<bool> started = System.Threading.Channels.Channel.CreateUnbounded<bool>();

        public Task<bool> Next => started.Reader.ReadAsync().AsTask();

        public Task Wedged()
        {
            started.Writer.TryWrite(true);
            return new TaskCompletionSource().Task;
        }
    }
}
