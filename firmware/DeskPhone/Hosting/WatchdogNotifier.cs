using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Hosting;

/// <summary>
/// Feeds systemd's watchdog (<c>WatchdogSec=</c>, systemd.service(5)). The generic host's systemd
/// integration sends READY=1 and STOPPING=1 but never WATCHDOG=1, so without this the service
/// would be killed one watchdog interval after start. Each period it first has the signalling
/// loop run a no-op (<paramref name="probe"/>) and only then sends WATCHDOG=1 (sd_notify(3)): a
/// wedged loop stops the pings, and systemd restarts the phone (<c>Restart=always</c>).
/// Runs on thread-pool threads driven by <paramref name="time"/>.
/// </summary>
internal sealed class WatchdogNotifier(
    ISystemdNotifier notifier,
    TimeSpan period,
    Func<Task> probe,
    TimeProvider time,
    ILogger<WatchdogNotifier> logger) : BackgroundService
{
    private static readonly ServiceState Alive = new("WATCHDOG=1");

    // Created here, not in ExecuteAsync, which the host runs later on another thread: the first
    // period counts from when the host builds the service.
    private readonly PeriodicTimer timer = new(period, time);

    /// <summary>
    /// How often to ping: half the timeout systemd passes in WATCHDOG_USEC, as sd_watchdog_enabled(3)
    /// recommends; null when there is no watchdog, or when WATCHDOG_PID names another process.
    /// </summary>
    public static TimeSpan? PeriodFromEnvironment(string? watchdogUsec, string? watchdogPid, int processId)
    {
        if (watchdogPid is not null
            && (!int.TryParse(watchdogPid, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid != processId))
        {
            return null;
        }

        return long.TryParse(watchdogUsec, NumberStyles.None, CultureInfo.InvariantCulture, out var usec) && usec > 0
            ? TimeSpan.FromMicroseconds(usec / 2.0)
            : null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // The deadline starts before the probe is posted, so the loop's whole answer time counts.
            using var deadline = new CancellationTokenSource(period, time);
            using var deadlineOrStop = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, stoppingToken);
            try
            {
                await probe().WaitAsync(deadlineOrStop.Token);
                notifier.Notify(Alive);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
            {
                logger.LogError("The signalling loop did not answer within {Period}; the systemd watchdog is not fed", period);
            }
        }
    }

    public override void Dispose()
    {
        timer.Dispose();
        base.Dispose();
    }
}
