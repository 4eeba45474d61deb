using System.Runtime.InteropServices;

namespace DeskPhone.Hal.RaspberryPi;

/// <summary>
/// Puts the calling thread under SCHED_FIFO (sched_setscheduler(2)), so ordinary threads never
/// delay the audio thread past a period. Linux applies it to the calling thread when the pid
/// is 0. Needs CAP_SYS_NICE or an RLIMIT_RTPRIO allowance.
/// </summary>
internal static partial class RealtimeScheduling
{
    private const int SchedFifo = 1;

    /// <summary>Null on success, otherwise why the kernel refused.</summary>
    public static string? TryUseFifo(int priority)
    {
        var parameters = new SchedParam { Priority = priority };
        return SetScheduler(0, SchedFifo, ref parameters) == 0
            ? null
            : Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError());
    }

    [LibraryImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static partial int SetScheduler(int pid, int policy, ref SchedParam parameters);

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedParam
    {
        public int Priority;
    }
}
