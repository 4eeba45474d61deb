using DeskPhone.Hal.Scheduling;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Media.Rtp;

/// <summary>
/// Puts an "RTP receive" thread under SCHED_FIFO (<see cref="RtpStreamOptions.ReceiveRealtimePriority"/>).
/// At normal priority its wake-up after a datagram takes milliseconds when the CPU is busy, and
/// the jitter buffer takes that for network jitter and adds delay; under SCHED_FIFO it preempts
/// ordinary threads, and one step below the audio thread it never delays a period. A process
/// without the privilege (CAP_SYS_NICE, or an RLIMIT_RTPRIO allowing the priority) keeps the
/// thread at normal priority and says so once; every call's stream asks again, quietly.
/// </summary>
/// <param name="useFifo">Asks SCHED_FIFO at a priority for the calling thread: <see cref="RealtimeScheduling.TryUseFifo"/>, or a test's stand-in.</param>
internal sealed class ReceiveThreadPriority(Func<int, RealtimeRequest> useFifo)
{
    private int _refusalLogged;

    /// <summary>The kernel's scheduler, shared by every stream of the process, so a refusal is logged once per process.</summary>
    public static ReceiveThreadPriority Kernel { get; } = new(RealtimeScheduling.TryUseFifo);

    /// <summary>
    /// Asks for <paramref name="priority"/> (1–99; 0 asks nothing) for the calling thread and
    /// returns whether it runs under SCHED_FIFO now. Called by the "RTP receive" thread as it
    /// starts, before its first datagram: there logging costs the audio path nothing.
    /// </summary>
    public bool Enter(int priority, ILogger logger)
    {
        if (priority == 0)
        {
            return false;
        }

        RealtimeRequest request = useFifo(priority);
        if (request.Granted)
        {
            logger.LogDebug("RTP receive thread under SCHED_FIFO {Priority}", priority);
        }
        else if (Interlocked.Exchange(ref _refusalLogged, 1) == 0)
        {
            logger.LogWarning(
                "The RTP receive threads stay under the normal scheduler (Rtp:ReceiveRealtimePriority): SCHED_FIFO {Priority} refused: {Reason}",
                priority,
                request.Reason);
        }
        else
        {
            logger.LogDebug("RTP receive thread: SCHED_FIFO {Priority} refused again: {Reason}", priority, request.Reason);
        }

        return request.Granted;
    }
}
