using DeskPhone.Phone.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Phone.Messages;

/// <summary>
/// The phone's text messages in SQLite (<c>messages.db</c>): the only place they live. Opened
/// through <see cref="SqliteDatabase"/>: WAL with <c>synchronous=FULL</c>, so a write that returned
/// has reached the disk, which is what lets the phone answer 200 only after storing; a corrupt file
/// is reported, set aside and replaced by an empty one; with no usable file the store is
/// unavailable and every write fails as a value (messages are then refused, never falsely
/// accepted). One connection for the phone's life. THREAD: the signalling loop only (opened
/// before it starts).
/// </summary>
public sealed partial class MessageStore : IDisposable
{
    public const string FileName = "messages.db";

    private readonly int capacity;
    private readonly ILogger logger;
    private SqliteConnection? connection;
    private int count;

    private MessageStore(SqliteConnection? connection, string? problem, int capacity, ILogger logger)
    {
        this.connection = connection;
        this.capacity = capacity;
        this.logger = logger;
        Problem = problem;
    }

    /// <summary>False when no database could be opened or recreated; see <see cref="Problem"/>.</summary>
    public bool IsAvailable => connection is not null;

    /// <summary>What went wrong at open (a file set aside, or none usable), or null.</summary>
    public string? Problem { get; }

    /// <summary>Messages kept now.</summary>
    public int Count => count;

    /// <summary>
    /// Opens (creating, upgrading or recovering) the store at <paramref name="path"/>. Never throws
    /// for a bad file: the outcome is in <see cref="IsAvailable"/> and <see cref="Problem"/>.
    /// Messages left "sending" by the previous run are marked not delivered.
    /// </summary>
    /// <param name="capacity">How many messages to keep before the oldest read ones go.</param>
    public static MessageStore Open(string path, int capacity, ILogger logger, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        var (opened, problem) = SqliteDatabase.Open(path, "message database", MessageSchema.Migrations, logger, time);
        var store = new MessageStore(opened, problem, capacity, logger);
        store.count = store.CountAll();
        store.FailInterrupted();
        return store;
    }

    public void Dispose()
    {
        connection?.Dispose();
        connection = null;
    }

    /// <summary>Without an answer there is no claim of delivery: what was in flight at a stop is marked failed.</summary>
    private void FailInterrupted()
    {
        var interrupted = Write("mark interrupted messages", (database, transaction) => database.Execute(
            transaction,
            "UPDATE messages SET state = $failed, reason = 'phone restarted' WHERE state = $sending",
            ("$failed", (int)MessageState.Failed),
            ("$sending", (int)MessageState.Sending)));
        if (interrupted > 0)
        {
            logger.LogWarning("{Count} message(s) were being sent when the phone stopped; marked not delivered", interrupted);
        }
    }
}
