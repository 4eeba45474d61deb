using DeskPhone.Phone.History;

namespace DeskPhone.Phone.Tests.History;

public sealed class CallHistoryTests
{
    internal static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    internal static CallRecord Call(CallRecordKind kind, int minute, string number = "102", string? name = "Anna Rossi", int seconds = 0) =>
        new(kind, number, name, Monday.AddMinutes(minute), TimeSpan.FromSeconds(seconds));

    [Fact]
    public void Add_KeepsTheNewestFirst()
    {
        var history = new CallHistory();

        history.Add(Call(CallRecordKind.Placed, 1));
        history.Add(Call(CallRecordKind.Received, 2));

        Assert.Equal([CallRecordKind.Received, CallRecordKind.Placed], history.Records.Select(r => r.Kind));
    }

    [Fact]
    public void Add_BeyondCapacity_DropsTheOldest()
    {
        var history = new CallHistory();

        for (var minute = 0; minute < CallHistory.Capacity + 5; minute++)
        {
            history.Add(Call(CallRecordKind.Placed, minute));
        }

        Assert.Equal(CallHistory.Capacity, history.Records.Count);
        Assert.Equal(Monday.AddMinutes(CallHistory.Capacity + 4), history.Records[0].Started);
        Assert.Equal(Monday.AddMinutes(5), history.Records[^1].Started);
    }

    [Fact]
    public void MissedCalls_CountUntilTheUserLooks()
    {
        var history = new CallHistory();

        history.Add(Call(CallRecordKind.Missed, 1));
        history.Add(Call(CallRecordKind.Received, 2));
        history.Add(Call(CallRecordKind.Missed, 3));
        Assert.Equal(2, history.UnseenMissed);

        history.MarkMissedSeen();
        Assert.Equal(0, history.UnseenMissed);
        Assert.Equal(3, history.Records.Count);
    }

    [Fact]
    public void Clear_EmptiesTheHistoryAndTheMissedCount()
    {
        var history = new CallHistory();
        history.Add(Call(CallRecordKind.Missed, 1));

        history.Clear();

        Assert.Empty(history.Records);
        Assert.Equal(0, history.UnseenMissed);
    }
}
