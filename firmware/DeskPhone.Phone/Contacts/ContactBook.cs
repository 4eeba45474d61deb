using DeskPhone.Phone.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeskPhone.Phone.Contacts;

/// <summary>
/// The phone's local phonebook in SQLite (<c>contacts.db</c> in the data folder). Every read goes
/// to the database, which stays small, so contacts another process adds (the administrator's
/// <c>deskphone --import-contacts</c>, under WAL) show at once. A bad file is set aside and an
/// empty book started (<see cref="SqliteDatabase"/>); a file that cannot be opened at all leaves
/// the book unavailable: it then reads as empty and every change fails as a value.
/// THREAD: one thread at a time (the signalling loop in the phone; the main thread on the command line).
/// </summary>
public sealed partial class ContactBook : IDisposable
{
    public const string FileName = "contacts.db";

    private readonly ILogger logger;
    private SqliteConnection? connection;

    private ContactBook(SqliteConnection? connection, string? problem, ILogger logger)
    {
        this.connection = connection;
        this.logger = logger;
        Problem = problem;
    }

    /// <summary>False when no database could be opened or recreated; see <see cref="Problem"/>.</summary>
    public bool IsAvailable => connection is not null;

    /// <summary>What went wrong at open (a file set aside, or none usable), or null.</summary>
    public string? Problem { get; }

    /// <summary>
    /// Opens (creating, upgrading or recovering) the book at <paramref name="path"/>. Never throws
    /// for a bad file: the outcome is in <see cref="IsAvailable"/> and <see cref="Problem"/>.
    /// </summary>
    public static ContactBook Open(string path, ILogger logger, TimeProvider? time = null)
    {
        var (opened, problem) = SqliteDatabase.Open(path, "contact database", ContactSchema.Migrations, logger, time);
        return new ContactBook(opened, problem, logger);
    }

    /// <summary>A book that lives in memory only, for tests and for a phone without storage.</summary>
    public static ContactBook InMemory(ILogger? logger = null) =>
        new(SqliteDatabase.OpenInMemory(ContactSchema.Migrations), null, logger ?? NullLogger.Instance);

    public void Dispose()
    {
        connection?.Dispose();
        connection = null;
    }
}
