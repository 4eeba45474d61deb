using DeskPhone.Phone.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Phone.Messages;

/// <summary>Queries. A database failure is logged and reads as nothing.</summary>
public sealed partial class MessageStore
{
    /// <summary>Unread incoming messages.</summary>
    public int UnreadCount => Read("count unread messages", database => CountRows(database, "SELECT COUNT(*) FROM messages WHERE read = 0"), 0);

    /// <summary>One entry per peer, the most recent conversation first.</summary>
    public IReadOnlyList<ConversationSummary> Conversations() => Read(
        "list conversations",
        database => database.Query(
            null,

            // SQLite takes bare columns from the row holding the MAX() (sqlite.org/lang_select.html#bareagg):
            // the newest message's time.
            """
            SELECT peer, MAX(id), at, SUM(read = 0),
                   (SELECT peer_name FROM messages n WHERE n.peer = m.peer AND n.peer_name IS NOT NULL ORDER BY n.id DESC LIMIT 1)
            FROM messages m GROUP BY peer ORDER BY MAX(id) DESC
            """,
            reader => new ConversationSummary(
                reader.GetString(0),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                reader.GetInt32(3))),
        []);

    /// <summary>Every message with <paramref name="peer"/>, oldest first.</summary>
    public IReadOnlyList<StoredMessage> MessagesWith(string peer) => Read(
        $"read the conversation with {peer}",
        database => database.Query(
            null,
            "SELECT id, peer, peer_name, direction, body, at, read, state, status_code, reason FROM messages WHERE peer = $peer ORDER BY id",
            reader => new StoredMessage(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                (MessageDirection)reader.GetInt32(3),
                reader.GetString(4),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                reader.GetInt32(6) != 0,
                (MessageState)reader.GetInt32(7),
                reader.IsDBNull(8) ? null : reader.GetInt32(8),
                reader.IsDBNull(9) ? null : reader.GetString(9)),
            ("$peer", peer)),
        []);

    private int CountAll() => Read("count messages", database => CountRows(database, "SELECT COUNT(*) FROM messages"), 0);

    private static int CountRows(SqliteConnection database, string sql) =>
        Convert.ToInt32(database.Scalar(null, sql), System.Globalization.CultureInfo.InvariantCulture);

    private T Read<T>(string what, Func<SqliteConnection, T> query, T failed)
    {
        if (connection is null)
        {
            return failed;
        }

        try
        {
            return query(connection);
        }
        catch (SqliteException exception)
        {
            logger.LogError(exception, "Could not {What}", what);
            return failed;
        }
    }
}
