using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Phone.Storage;

/// <summary>What opening a database gave: a ready connection, and what went wrong on the way, if anything.</summary>
/// <param name="Connection">Null when no usable database could be had; the store then works without one.</param>
/// <param name="Problem">A sentence for the log and the screen (a file set aside, or none usable), or null.</param>
internal readonly record struct DatabaseOpening(SqliteConnection? Connection, string? Problem);

/// <summary>
/// Opens one store's SQLite file the way every store of the phone wants it: WAL with
/// <c>synchronous=FULL</c>, so a write that returned has reached the disk and survives a power cut
/// (sqlite.org/pragma.html#pragma_synchronous, sqlite.org/wal.html); schema brought up to date by
/// ordered migrations counted in the <c>user_version</c> header field; a file that cannot be read
/// (corrupt, not a database, or from a newer firmware) reported, renamed aside to
/// <c>NAME.bad-TIMESTAMP</c> and replaced by an empty one, so a bad file never stops the phone.
/// A file that cannot be opened at all (permissions, missing folder, read-only disk) is reported
/// and gives no connection: renaming would not help, and the data may still be good.
/// </summary>
internal static class SqliteDatabase
{
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    /// <param name="path">The database file; created when missing.</param>
    /// <param name="description">What the file holds, for messages ("contact database").</param>
    /// <param name="migrations">Index = the version it starts from. Append, never edit: shipped phones have run them.</param>
    /// <param name="time">Stamps the name of a file set aside.</param>
    public static DatabaseOpening Open(string path, string description, IReadOnlyList<string> migrations, ILogger logger, TimeProvider? time = null)
    {
        path = Path.GetFullPath(path);
        var existed = File.Exists(path);
        var (opened, unusable, failure) = TryOpen(path, migrations);
        string? problem = null;
        if (unusable is not null)
        {
            if (TryMoveAside(path, (time ?? TimeProvider.System).GetUtcNow(), out var aside, out var moveFailure))
            {
                problem = $"{description} {unusable}; moved to {Path.GetFileName(aside)} and started empty";
                logger.LogError("The {Description} {Path} {Problem}; it was renamed to {Aside} and an empty one created", description, path, unusable, aside);
                (opened, _, failure) = TryOpen(path, migrations);
            }
            else
            {
                failure = $"it {unusable} and could not be renamed ({moveFailure})";
            }
        }
        else if (!existed && opened is not null)
        {
            logger.LogInformation("Created the {Description} {Path}", description, path);
        }

        if (opened is null)
        {
            problem = $"{description} unavailable: {failure}";
            logger.LogError("The {Description} {Path} cannot be used ({Failure})", description, path, failure);
        }

        return new DatabaseOpening(opened, problem);
    }

    /// <summary>A private database in memory with the schema applied: for tests and for a store that must not touch the disk.</summary>
    public static SqliteConnection OpenInMemory(IReadOnlyList<string> migrations)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Upgrade(connection, migrations, from: 0);
        return connection;
    }

    /// <summary>The schema version a database has reached (its <c>user_version</c>).</summary>
    public static int Version(SqliteConnection connection) =>
        Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);

    /// <summary>Opens and checks the file: a connection, or why the file is unusable, or why it cannot be opened.</summary>
    private static (SqliteConnection? Connection, string? Unusable, string? Failure) TryOpen(string path, IReadOnlyList<string> migrations)
    {
        var candidate = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,

            // Pooling would keep the file open after Dispose, and a bad file could not be renamed.
            Pooling = false,

            // Another process (the administrator's --import-contacts) may hold the write lock for a
            // moment; the signalling loop must not wait on it for long (seconds).
            DefaultTimeout = 2,
        }.ToString());
        try
        {
            candidate.Open();
            var check = Scalar(candidate, "PRAGMA quick_check") as string;
            if (check != "ok")
            {
                candidate.Dispose();
                return (null, $"is corrupt ({check})", null);
            }

            Scalar(candidate, "PRAGMA journal_mode = WAL");
            Scalar(candidate, "PRAGMA synchronous = FULL");
            var version = Version(candidate);
            if (version > migrations.Count)
            {
                candidate.Dispose();
                return (null, $"has schema version {version}, newer than this firmware's {migrations.Count}", null);
            }

            Upgrade(candidate, migrations, version);
            return (candidate, null, null);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase)
        {
            candidate.Dispose();
            return (null, $"is corrupt ({exception.Message})", null);
        }
        catch (SqliteException exception)
        {
            candidate.Dispose();
            return (null, null, exception.Message);
        }
    }

    /// <summary>Runs every migration from <paramref name="from"/> on, each in one transaction, so a crash mid-upgrade leaves the previous version intact.</summary>
    private static void Upgrade(SqliteConnection connection, IReadOnlyList<string> migrations, int from)
    {
        for (var version = from; version < migrations.Count; version++)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;

            // user_version is written in the database header inside the same transaction.
            command.CommandText = migrations[version] + $";PRAGMA user_version = {version + 1};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    /// <summary>Renames the database and its WAL files to "*.bad-TIMESTAMP"; false with the reason when the folder refuses.</summary>
    private static bool TryMoveAside(string path, DateTimeOffset now, out string aside, out string? failure)
    {
        var stamp = now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        aside = $"{path}.bad-{stamp}";
        for (var n = 2; File.Exists(aside); n++)
        {
            aside = $"{path}.bad-{stamp}-{n}";
        }

        try
        {
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                if (File.Exists(path + suffix))
                {
                    File.Move(path + suffix, aside + suffix);
                }
            }

            failure = null;
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            failure = exception.Message;
            return false;
        }
    }

    private static object? Scalar(SqliteConnection on, string sql)
    {
        using var command = on.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
