using System.Runtime.CompilerServices;

namespace DeskPhone.Interop.Tests;

/// <summary>
/// The phones under test fire their timers (SIP Timers A, E, G…) on thread-pool threads, which
/// post to the signalling loop. In the test host, vstest's message loop and xUnit's runner each
/// hold a pool thread for the whole run; on a 2-core machine that is the pool's whole starting
/// allowance, so a timer waited until the pool grew (about one thread per half second when
/// starved): up to a second late early in a run, seen in the SIPp loss tests as a missing INVITE
/// retransmission. More pool threads from the start keep the timers on time for every test here.
/// </summary>
internal static class TestHostThreadPool
{
    private const int MinimumWorkers = 8;

    [ModuleInitializer]
    internal static void LetTimersRunOnTime()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, MinimumWorkers), completionPorts);
    }
}
