using DeskPhone.Phone.History;
using DeskPhone.Phone.Tests.Storage;
using Microsoft.Extensions.Time.Testing;
using static DeskPhone.Phone.Tests.History.CallHistoryTests;

namespace DeskPhone.Phone.Tests.History;

public sealed class CallHistoryStorageTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly RecordingLogger logger = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero));

    public void Dispose() => folder.Dispose();

    private string Path => folder.File(CallHistory.FileName);

    [Fact]
    public void Reopen_GivesBackEveryRecordInOrderAndTheUnseenMissedCount()
    {
        CallRecord[] written =
        [
            Call(CallRecordKind.Placed, 1, "200", null, seconds: 65),
            Call(CallRecordKind.Missed, 2, "sip:103@pbx", "Bruno Bè"),
            Call(CallRecordKind.Received, 3, "+39 02 1234", "Anna Rossi", seconds: 3600),
        ];
        using (var history = CallHistory.Open(Path, logger, clock))
        {
            foreach (var record in written)
            {
                history.Add(record);
            }
        }

        using var reopened = CallHistory.Open(Path, logger, clock);

        Assert.Null(reopened.Problem);
        Assert.Equal(written.Reverse(), reopened.Records);
        Assert.Equal(1, reopened.UnseenMissed);
    }

    [Fact]
    public void MissedCallsSeen_StaySeenAfterARestart()
    {
        using (var history = CallHistory.Open(Path, logger, clock))
        {
            history.Add(Call(CallRecordKind.Missed, 1));
            history.Add(Call(CallRecordKind.Missed, 2));
            history.MarkMissedSeen();
            history.Add(Call(CallRecordKind.Missed, 3));
        }

        using var reopened = CallHistory.Open(Path, logger, clock);

        Assert.Equal(1, reopened.UnseenMissed);
        Assert.Equal(3, reopened.Records.Count);
    }

    [Fact]
    public void Capacity_BoundsWhatIsKeptOnDisk()
    {
        using (var history = CallHistory.Open(Path, logger, clock))
        {
            for (var minute = 0; minute < CallHistory.Capacity + 3; minute++)
            {
                history.Add(Call(CallRecordKind.Placed, minute));
            }
        }

        using var reopened = CallHistory.Open(Path, logger, clock);

        Assert.Equal(CallHistory.Capacity, reopened.Records.Count);
        Assert.Equal(Monday.AddMinutes(CallHistory.Capacity + 2), reopened.Records[0].Started);
        Assert.Equal(Monday.AddMinutes(3), reopened.Records[^1].Started);
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM calls";
        Assert.Equal((long)CallHistory.Capacity, count.ExecuteScalar());
    }

    [Fact]
    public void Clear_IsKeptAfterARestart()
    {
        using (var history = CallHistory.Open(Path, logger, clock))
        {
            history.Add(Call(CallRecordKind.Missed, 1));
            history.Clear();
        }

        using var reopened = CallHistory.Open(Path, logger, clock);

        Assert.Empty(reopened.Records);
        Assert.Equal(0, reopened.UnseenMissed);
    }

    [Fact]
    public void CorruptFile_IsSetAsideAndTheHistoryStartsEmpty()
    {
        File.WriteAllBytes(Path, Enumerable.Range(0, 8192).Select(i => (byte)(i * 7)).ToArray());

        using var history = CallHistory.Open(Path, logger, clock);

        Assert.Empty(history.Records);
        Assert.Contains("call history database is corrupt", history.Problem);
        Assert.True(File.Exists(Path + ".bad-20261124-093000"));
        history.Add(Call(CallRecordKind.Missed, 1));
        using var reopened = CallHistory.Open(Path, logger, clock);
        Assert.Single(reopened.Records);
    }

    [Fact]
    public void WithoutAUsableFile_TheHistoryWorksInMemory()
    {
        File.WriteAllText(folder.File("blocker"), "a file, not a folder");

        using var history = CallHistory.Open(System.IO.Path.Combine(folder.File("blocker"), CallHistory.FileName), logger, clock);
        history.Add(Call(CallRecordKind.Missed, 1));

        Assert.StartsWith("call history database unavailable", history.Problem);
        Assert.Single(history.Records);
        Assert.Equal(1, history.UnseenMissed);
    }
}
