using DeskPhone.Phone.History;
using DeskPhone.Phone.Tests.Storage;
using Microsoft.Extensions.Time.Testing;
using static DeskPhone.Phone.Tests.History.CallHistoryTests;

namespace DeskPhone.Phone.Tests.History;

/// <summary>Deleting one call, and the change notice the idle screen and the LED follow.</summary>
public sealed class CallHistoryRemoveTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly RecordingLogger logger = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero));

    public void Dispose() => folder.Dispose();

    private string Path => folder.File(CallHistory.FileName);

    [Fact]
    public void Remove_DeletesThatCallOnly_AndSurvivesAReopen()
    {
        using (var history = CallHistory.Open(Path, logger, clock))
        {
            history.Add(Call(CallRecordKind.Placed, 1, "200", null, seconds: 65));
            history.Add(Call(CallRecordKind.Received, 2, "102", "Anna Rossi", seconds: 3));
            history.Add(Call(CallRecordKind.Placed, 3, "200", null, seconds: 7));

            Assert.True(history.Remove(Call(CallRecordKind.Placed, 1, "200", null, seconds: 65)));

            Assert.Equal([3, 2], history.Records.Select(r => r.Started.Minute));
        }

        using var reopened = CallHistory.Open(Path, logger, clock);
        Assert.Equal([3, 2], reopened.Records.Select(r => r.Started.Minute));
    }

    [Fact]
    public void Remove_OfTwinRecords_DeletesOneOfThem()
    {
        using (var history = CallHistory.Open(Path, logger, clock))
        {
            history.Add(Call(CallRecordKind.Missed, 1));
            history.Add(Call(CallRecordKind.Missed, 1));

            Assert.True(history.Remove(Call(CallRecordKind.Missed, 1)));
            Assert.Single(history.Records);
        }

        using var reopened = CallHistory.Open(Path, logger, clock);
        Assert.Single(reopened.Records);
    }

    [Fact]
    public void Remove_OfACallNotKept_ReturnsFalseAndChangesNothing()
    {
        var history = new CallHistory();
        history.Add(Call(CallRecordKind.Placed, 1));
        var changes = 0;
        history.Changed += () => changes++;

        Assert.False(history.Remove(Call(CallRecordKind.Placed, 2)));

        Assert.Single(history.Records);
        Assert.Equal(0, changes);
    }

    [Fact]
    public void Changed_IsRaisedByEveryChange_ButNotBySeeingNothingNew()
    {
        var history = new CallHistory();
        var changes = new List<int>();
        history.Changed += () => changes.Add(history.UnseenMissed);

        history.Add(Call(CallRecordKind.Missed, 1));
        history.MarkMissedSeen();
        history.MarkMissedSeen();
        history.Add(Call(CallRecordKind.Placed, 2));
        history.Remove(Call(CallRecordKind.Placed, 2));
        history.Clear();

        Assert.Equal([1, 0, 0, 0, 0], changes);
    }
}
