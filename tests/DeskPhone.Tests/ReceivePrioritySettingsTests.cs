using DeskPhone.Configuration;

namespace DeskPhone.Tests;

/// <summary>Rtp:ReceiveRealtimePriority: the RTP receive thread's SCHED_FIFO priority.</summary>
public sealed class ReceivePrioritySettingsTests
{
    private static (DeskPhoneSettings? Settings, IReadOnlyList<string> Errors) Load(string? priority) =>
        priority is null ? MinimalSettings.Load() : MinimalSettings.Load(("Rtp:ReceiveRealtimePriority", priority));

    [Fact]
    public void Load_WithoutIt_IsOneBelowTheAudioThreadsDefault()
    {
        var (settings, errors) = Load(null);

        Assert.Empty(errors);
        Assert.Equal(49, settings!.Rtp.ReceiveRealtimePriority);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1", 1)]
    [InlineData("99", 99)]
    public void Load_ZeroOrAPriority_IsTaken(string value, int priority)
    {
        var (settings, errors) = Load(value);

        Assert.Empty(errors);
        Assert.Equal(priority, settings!.Rtp.ReceiveRealtimePriority);
    }

    [Theory]
    [InlineData("100")]
    [InlineData("-1")]
    public void Load_OutsideZeroTo99_FailsNamingTheKey(string value)
    {
        var (settings, errors) = Load(value);

        Assert.Null(settings);
        Assert.Equal([$"Rtp:ReceiveRealtimePriority: must be 0 (off) or 1–99, is {value}"], errors);
    }
}
