namespace DeskPhone.Hal.Scheduling;

/// <summary>Linux scheduling policies (sched(7)), with the numbers sched_getscheduler(2) returns.</summary>
public enum SchedulingPolicy
{
    /// <summary>SCHED_OTHER: the normal time-sharing scheduler.</summary>
    Other = 0,

    /// <summary>SCHED_FIFO: real-time, runs until it blocks or a higher priority wakes.</summary>
    Fifo = 1,

    /// <summary>SCHED_RR: real-time with time slices among equal priorities.</summary>
    RoundRobin = 2,

    /// <summary>SCHED_BATCH.</summary>
    Batch = 3,

    /// <summary>SCHED_IDLE.</summary>
    Idle = 5,

    /// <summary>Not Linux, or the kernel would not say.</summary>
    Unknown = -1,
}
