using DeskPhone.Phone.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace DeskPhone.Phone.Tests.Storage;

public sealed class SqliteDatabaseTests : IDisposable
{
    private static readonly string[] OneTable = ["CREATE TABLE items (value TEXT NOT NULL)"];

    private readonly TempFolder folder = new();
    private readonly RecordingLogger logger = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 24, 9, 30, 15, TimeSpan.Zero));

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Open_MissingFile_CreatesItInWalModeAtTheLatestVersion()
    {
        var path = folder.File("test.db");

        var (connection, problem) = SqliteDatabase.Open(path, "test database", [.. OneTable, "ALTER TABLE items ADD COLUMN extra TEXT"], logger, clock);

        using (connection)
        {
            Assert.Null(problem);
            Assert.True(File.Exists(path));
            Assert.Equal("wal", Pragma(connection!, "journal_mode"));
            Assert.Equal(2L, Pragma(connection!, "synchronous"));
            Assert.Equal(2, SqliteDatabase.Version(connection!));
            Assert.Contains(logger.Entries, e => e.Message.Contains("Created the test database", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Open_OlderDatabase_KeepsItsDataAndRunsOnlyTheNewMigrations()
    {
        var path = folder.File("test.db");
        using (var first = SqliteDatabase.Open(path, "test database", OneTable, logger, clock).Connection!)
        {
            first.Execute(null, "INSERT INTO items VALUES ('kept')");
        }

        var (connection, problem) = SqliteDatabase.Open(path, "test database", [.. OneTable, "ALTER TABLE items ADD COLUMN extra TEXT DEFAULT 'new'"], logger, clock);

        using (connection)
        {
            Assert.Null(problem);
            Assert.Equal(2, SqliteDatabase.Version(connection!));
            Assert.Equal("kept|new", connection!.Scalar(null, "SELECT value || '|' || extra FROM items"));
        }
    }

    [Fact]
    public void Open_FileThatIsNotADatabase_IsMovedAsideReportedAndReplacedByAnEmptyOne()
    {
        var path = folder.File("test.db");
        File.WriteAllText(path, "this is not an SQLite database, just text that happens to be long enough to have a header");

        var (connection, problem) = SqliteDatabase.Open(path, "test database", OneTable, logger, clock);

        using (connection)
        {
            Assert.NotNull(connection);
            Assert.Equal(0L, connection.Scalar(null, "SELECT COUNT(*) FROM items"));
            Assert.StartsWith("test database is corrupt", problem);
            Assert.EndsWith("moved to test.db.bad-20261124-093015 and started empty", problem);
            Assert.StartsWith("this is not an SQLite database", File.ReadAllText(path + ".bad-20261124-093015"));
            Assert.Contains(logger.Errors, e => e.Contains("renamed", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Open_DatabaseDamagedInsideItsPages_IsMovedAsideAndRecreated()
    {
        var path = folder.File("test.db");
        using (var first = SqliteDatabase.Open(path, "test database", OneTable, logger, clock).Connection!)
        {
            first.Execute(null, "PRAGMA journal_mode = DELETE");
            first.Execute(null, "INSERT INTO items VALUES ($v)", ("$v", new string('x', 10_000)));
        }

        // Overwrite the second page (the table's b-tree) with junk, keeping the valid header page.
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            file.Position = 4096;
            file.Write(Enumerable.Repeat((byte)0xA5, 4096).ToArray());
        }

        var (connection, problem) = SqliteDatabase.Open(path, "test database", OneTable, logger, clock);

        using (connection)
        {
            Assert.NotNull(connection);
            Assert.Contains("is corrupt", problem);
            Assert.True(File.Exists(path + ".bad-20261124-093015"));
        }
    }

    [Fact]
    public void Open_DatabaseFromANewerFirmware_IsMovedAsideRatherThanMisread()
    {
        var path = folder.File("test.db");
        SqliteDatabase.Open(path, "test database", [.. OneTable, "CREATE TABLE later (x)"], logger, clock).Connection!.Dispose();

        var (connection, problem) = SqliteDatabase.Open(path, "test database", OneTable, logger, clock);

        using (connection)
        {
            Assert.Equal("test database has schema version 2, newer than this firmware's 1; moved to test.db.bad-20261124-093015 and started empty", problem);
            Assert.Equal(1, SqliteDatabase.Version(connection!));
        }
    }

    [Fact]
    public void Open_TwoBadFilesInTheSameSecond_AreBothKept()
    {
        var path = folder.File("test.db");
        File.WriteAllText(path, "first bad file, long enough to look like something other than a database");
        SqliteDatabase.Open(path, "test database", OneTable, logger, clock).Connection!.Dispose();
        File.WriteAllText(path, "second bad file, long enough to look like something other than a database");

        var (connection, problem) = SqliteDatabase.Open(path, "test database", OneTable, logger, clock);

        connection!.Dispose();
        Assert.Contains("moved to test.db.bad-20261124-093015-2", problem);
        Assert.StartsWith("first", File.ReadAllText(path + ".bad-20261124-093015"));
        Assert.StartsWith("second", File.ReadAllText(path + ".bad-20261124-093015-2"));
    }

    [Fact]
    public void Open_WhereNoFileCanBeCreated_ReportsUnavailableWithoutThrowing()
    {
        var blocker = folder.File("not-a-folder");
        File.WriteAllText(blocker, "a file where the data folder should be");

        var (connection, problem) = SqliteDatabase.Open(Path.Combine(blocker, "test.db"), "test database", OneTable, logger, clock);

        Assert.Null(connection);
        Assert.StartsWith("test database unavailable: ", problem);
        Assert.Contains(logger.Errors, e => e.Contains("cannot be used", StringComparison.Ordinal));
    }

    [Fact]
    public void Open_MigrationThatFails_LeavesTheDatabaseAtItsPreviousVersion()
    {
        var path = folder.File("test.db");
        using (var first = SqliteDatabase.Open(path, "test database", OneTable, logger, clock).Connection!)
        {
            first.Execute(null, "INSERT INTO items VALUES ('kept')");
        }

        var (failed, problem) = SqliteDatabase.Open(path, "test database", [.. OneTable, "CREATE TABLE good (x); CREATE TABLE items (duplicate)"], logger, clock);

        Assert.Null(failed);
        Assert.StartsWith("test database unavailable", problem);
        using var reopened = SqliteDatabase.Open(path, "test database", OneTable, logger, clock).Connection!;
        Assert.Equal(1, SqliteDatabase.Version(reopened));
        Assert.Equal(0L, reopened.Scalar(null, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'good'"));
        Assert.Equal("kept", reopened.Scalar(null, "SELECT value FROM items"));
    }

    [Fact]
    public void OpenInMemory_AppliesTheSchema()
    {
        using var connection = SqliteDatabase.OpenInMemory(OneTable);

        Assert.Equal(1, SqliteDatabase.Version(connection));
        Assert.Equal(0L, connection.Scalar(null, "SELECT COUNT(*) FROM items"));
    }

    private static object? Pragma(SqliteConnection connection, string name) => connection.Scalar(null, $"PRAGMA {name}");
}
