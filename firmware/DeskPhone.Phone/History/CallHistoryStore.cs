using DeskPhone.Phone.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Phone.History;

/// <summary>
/// Where <see cref="CallHistory"/> keeps its records across restarts (<c>history.db</c>). Times
/// are Unix milliseconds (UTC), durations milliseconds. Each change is one transaction, on disk
/// when the method returns; a failure is logged and returns false, and the history in memory
/// stays right for the rest of the run. THREAD: the signalling loop only.
/// </summary>
internal sealed class CallHistoryStore(SqliteConnection? connection, string? problem, ILogger logger) : IDisposable
{
    private SqliteConnection? connection = connection;

    /// <summary>What went wrong at open (a file set aside, or none usable), or null.</summary>
    public string? Problem { get; } = problem;

    public static CallHistoryStore Open(string path, ILogger logger, TimeProvider? time)
    {
        var (opened, problem) = SqliteDatabase.Open(path, "call history database", CallHistorySchema.Migrations, logger, time);
        return new CallHistoryStore(opened, problem, logger);
    }

    /// <summary>The newest <paramref name="capacity"/> records, newest first, and the unseen missed count.</summary>
    public (List<CallRecord> Records, int UnseenMissed) Load(int capacity) =>
        Run<(List<CallRecord>, int)?>("read the call history", database =>
        {
            var records = database.Query(
                null,
                "SELECT kind, number, name, started, duration FROM calls ORDER BY id DESC LIMIT $capacity",
                reader => new CallRecord(
                    Enum.TryParse<CallRecordKind>(reader.GetString(0), ignoreCase: true, out var kind) ? kind : CallRecordKind.Received,
                    reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                    TimeSpan.FromMilliseconds(reader.GetInt64(4))),
                ("$capacity", capacity));
            var unseen = Convert.ToInt32(database.Scalar(null, "SELECT unseen_missed FROM history_state"), System.Globalization.CultureInfo.InvariantCulture);
            return (records, unseen);
        }) ?? ([], 0);

    /// <summary>Adds a record, drops what falls beyond <paramref name="capacity"/>, and counts a missed call as unseen.</summary>
    public bool Append(CallRecord record, int capacity) =>
        Change("store a call in the history", (database, transaction) =>
        {
            database.Execute(
                transaction,
                "INSERT INTO calls (kind, number, name, started, duration) VALUES ($kind, $number, $name, $started, $duration)",
                ("$kind", record.Kind.ToString().ToLowerInvariant()),
                ("$number", record.Number),
                ("$name", record.Name),
                ("$started", record.Started.ToUnixTimeMilliseconds()),
                ("$duration", (long)record.Duration.TotalMilliseconds));
            database.Execute(
                transaction,
                "DELETE FROM calls WHERE id <= (SELECT id FROM calls ORDER BY id DESC LIMIT 1 OFFSET $capacity)",
                ("$capacity", capacity));
            if (record.Kind == CallRecordKind.Missed)
            {
                database.Execute(transaction, "UPDATE history_state SET unseen_missed = unseen_missed + 1");
            }
        });

    public bool ClearUnseenMissed() =>
        Change("mark missed calls seen", (database, transaction) => database.Execute(transaction, "UPDATE history_state SET unseen_missed = 0"));

    /// <summary>Deletes the newest row with exactly the record's fields (the one the list showed first).</summary>
    public bool Remove(CallRecord record) =>
        Change("delete a call from the history", (database, transaction) =>
            database.Execute(
                transaction,
                """
                DELETE FROM calls WHERE id = (
                    SELECT id FROM calls
                    WHERE kind = $kind AND number = $number AND name IS $name AND started = $started AND duration = $duration
                    ORDER BY id DESC LIMIT 1)
                """,
                ("$kind", record.Kind.ToString().ToLowerInvariant()),
                ("$number", record.Number),
                ("$name", record.Name),
                ("$started", record.Started.ToUnixTimeMilliseconds()),
                ("$duration", (long)record.Duration.TotalMilliseconds)));

    public bool Clear() =>
        Change("clear the call history", (database, transaction) =>
        {
            database.Execute(transaction, "DELETE FROM calls");
            database.Execute(transaction, "UPDATE history_state SET unseen_missed = 0");
        });

    public void Dispose()
    {
        connection?.Dispose();
        connection = null;
    }

    private bool Change(string what, Action<SqliteConnection, SqliteTransaction> change) =>
        Run(what, database =>
        {
            using var transaction = database.BeginTransaction();
            change(database, transaction);
            transaction.Commit();
            return true;
        });

    private T? Run<T>(string what, Func<SqliteConnection, T> work)
    {
        if (connection is null)
        {
            return default;
        }

        try
        {
            return work(connection);
        }
        catch (SqliteException exception)
        {
            logger.LogError(exception, "Could not {What}", what);
            return default;
        }
    }
}
