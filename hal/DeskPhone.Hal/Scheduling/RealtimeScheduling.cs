using System.Runtime.InteropServices;

namespace DeskPhone.Hal.Scheduling;

/// <summary>
/// Puts the calling thread under SCHED_FIFO (sched_setscheduler(2)), so ordinary threads never
/// delay an audio thread past a period. Linux applies the call to the calling thread alone when
/// the pid is 0. An unprivileged process may do it up to its RLIMIT_RTPRIO (systemd's
/// LimitRTPRIO=); CAP_SYS_NICE allows any priority. Other systems are reported as refused.
/// </summary>
public static partial class RealtimeScheduling
{
    /// <summary>The highest SCHED_FIFO priority on Linux (sched_get_priority_max(SCHED_FIFO)).</summary>
    public const int MaxPriority = 99;

    private const int CallingThread = 0;

    /// <summary>SCHED_RESET_ON_FORK, which sched_getscheduler(2) may OR into the policy.</summary>
    private const int ResetOnFork = 0x40000000;

    /// <summary>Asks for SCHED_FIFO at <paramref name="priority"/> (1–<see cref="MaxPriority"/>) for the calling thread.</summary>
    public static RealtimeRequest TryUseFifo(int priority)
    {
        if (!OperatingSystem.IsLinux())
        {
            return new RealtimeRequest(false, 0, "SCHED_FIFO is requested only on Linux");
        }

        var parameters = new SchedParam { Priority = priority };
        if (SetScheduler(CallingThread, (int)SchedulingPolicy.Fifo, ref parameters) == 0)
        {
            return new RealtimeRequest(true, 0, string.Empty);
        }

        int error = Marshal.GetLastPInvokeError();
        string reason = error == RealtimeRequest.NotPermittedError
            ? $"{Marshal.GetPInvokeErrorMessage(error)}: needs CAP_SYS_NICE or an RLIMIT_RTPRIO (LimitRTPRIO=) of at least {priority}"
            : Marshal.GetPInvokeErrorMessage(error);
        return new RealtimeRequest(false, error, reason);
    }

    /// <summary>The calling thread's policy and real-time priority (0 under the normal policies), as the kernel reports them.</summary>
    public static (SchedulingPolicy Policy, int Priority) Current()
    {
        if (!OperatingSystem.IsLinux())
        {
            return (SchedulingPolicy.Unknown, 0);
        }

        int policy = GetScheduler(CallingThread) & ~ResetOnFork;
        var parameters = default(SchedParam);
        int priority = GetParam(CallingThread, ref parameters) == 0 ? parameters.Priority : 0;
        return (policy < 0 || !Enum.IsDefined((SchedulingPolicy)policy) ? SchedulingPolicy.Unknown : (SchedulingPolicy)policy, priority);
    }

    [LibraryImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static partial int SetScheduler(int pid, int policy, ref SchedParam parameters);

    [LibraryImport("libc", EntryPoint = "sched_getscheduler", SetLastError = true)]
    private static partial int GetScheduler(int pid);

    [LibraryImport("libc", EntryPoint = "sched_getparam", SetLastError = true)]
    private static partial int GetParam(int pid, ref SchedParam parameters);

    /// <summary>struct sched_param: one int on Linux.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct SchedParam
    {
        public int Priority;
    }
}
