using DeskPhone.Hal.Scheduling;

namespace DeskPhone.Hal.Simulator.Tests;

/// <summary>
/// The SCHED_FIFO wrapper against the real kernel. Whether FIFO is allowed depends on how the
/// tests run (root or CAP_SYS_NICE: granted; an ordinary user with RLIMIT_RTPRIO 0: EPERM), so
/// each test checks that what the wrapper reports is what the kernel then says about the thread.
/// Each runs on a thread of its own, which ends with the test, so no pooled thread keeps the policy.
/// </summary>
public sealed class RealtimeSchedulingTests
{
    [Fact]
    public void TryUseFifo_ReportsWhatTheKernelThenSaysAboutTheThread()
    {
        var (before, request, after) = OnOwnThread(() => RealtimeScheduling.TryUseFifo(10));

        Assert.Equal((SchedulingPolicy.Other, 0), before);
        if (request.Granted)
        {
            Assert.Equal((SchedulingPolicy.Fifo, 10), after);
            Assert.Equal((0, string.Empty), (request.ErrorNumber, request.Reason));
        }
        else
        {
            // Not permitted is the only refusal a valid priority may get.
            Assert.True(request.NotPermitted, $"errno {request.ErrorNumber}: {request.Reason}");
            Assert.Contains("RLIMIT_RTPRIO", request.Reason, StringComparison.Ordinal);
            Assert.Equal(before, after);
        }
    }

    [Fact]
    public void TryUseFifo_PriorityAboveTheMaximum_IsRefusedWithEinval_AndTheThreadKeepsItsPolicy()
    {
        const int Einval = 22;

        var (before, request, after) = OnOwnThread(() => RealtimeScheduling.TryUseFifo(RealtimeScheduling.MaxPriority + 1));

        Assert.False(request.Granted);
        Assert.Equal(Einval, request.ErrorNumber);
        Assert.False(request.NotPermitted);
        Assert.False(string.IsNullOrEmpty(request.Reason));
        Assert.Equal((SchedulingPolicy.Other, 0), after);
        Assert.Equal(before, after);
    }

    private static ((SchedulingPolicy, int) Before, RealtimeRequest Request, (SchedulingPolicy, int) After) OnOwnThread(Func<RealtimeRequest> request)
    {
        ((SchedulingPolicy, int), RealtimeRequest, (SchedulingPolicy, int)) result = default;
        var thread = new Thread(() =>
        {
            var before = RealtimeScheduling.Current();
            var outcome = request();
            result = (before, outcome, RealtimeScheduling.Current());
        });
        thread.Start();
        thread.Join();
        return result;
    }
}
