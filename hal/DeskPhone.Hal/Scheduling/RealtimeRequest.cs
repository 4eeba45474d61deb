namespace DeskPhone.Hal.Scheduling;

/// <summary>What became of a request for real-time scheduling (<see cref="RealtimeScheduling.TryUseFifo"/>).</summary>
/// <param name="Granted">The calling thread now runs under SCHED_FIFO at the priority asked for.</param>
/// <param name="ErrorNumber">The errno the kernel refused with (EPERM, EINVAL…); 0 when granted or not tried.</param>
/// <param name="Reason">Why it was refused, for a log line; empty when granted.</param>
public readonly record struct RealtimeRequest(bool Granted, int ErrorNumber, string Reason)
{
    /// <summary>EPERM: the process has neither CAP_SYS_NICE nor an RLIMIT_RTPRIO allowing the priority (sched(7)).</summary>
    public const int NotPermittedError = 1;

    /// <summary>True when the kernel refused for want of permission rather than for a bad argument.</summary>
    public bool NotPermitted => ErrorNumber == NotPermittedError;
}
