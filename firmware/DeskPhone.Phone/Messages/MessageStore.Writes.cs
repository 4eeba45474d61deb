using DeskPhone.Phone.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Phone.Messages;

internal enum IncomingStoreOutcome
{
    /// <summary>Written and on disk: the message may be answered 200.</summary>
    Stored,

    /// <summary>Already kept (a retransmission): answer 200 again, store and show nothing.</summary>
    Duplicate,

    /// <summary>At capacity and every kept message is unread: nothing may be evicted.</summary>
    Full,

    /// <summary>The database failed (or is unavailable); the message is not kept.</summary>
    Failed,
}

/// <summary>An incoming message to keep: its SIP identity (for retransmissions), who sent it, and its text.</summary>
internal readonly record struct IncomingText(string SipId, string Peer, string? PeerName, string Text, DateTimeOffset At);

/// <summary>What became of one incoming message, and the message as kept when it was stored.</summary>
internal readonly record struct IncomingStoreResult(IncomingStoreOutcome Outcome, StoredMessage? Stored);

/// <summary>Changes. Each is one transaction, on disk when the method returns.</summary>
public sealed partial class MessageStore
{
    /// <summary>
    /// Keeps an incoming message once: <paramref name="sipId"/> identifies it across retransmissions
    /// (RFC 3428 §7), including those that reach the phone after a restart.
    /// </summary>
    internal IncomingStoreOutcome StoreIncoming(string sipId, string peer, string? peerName, string text, DateTimeOffset at, out StoredMessage? stored)
    {
        var result = StoreIncoming([new IncomingText(sipId, peer, peerName, text, at)])[0];
        stored = result.Stored;
        return result.Outcome;
    }

    /// <summary>
    /// Keeps several incoming messages in one transaction, so that a burst costs one write to
    /// disk (group commit) and each may be answered 200 when this returns. Each is kept once, as
    /// in the single form; a database failure fails them all.
    /// </summary>
    internal IReadOnlyList<IncomingStoreResult> StoreIncoming(IReadOnlyList<IncomingText> batch)
    {
        var results = new IncomingStoreResult[batch.Count];
        var kept = count;
        var written = Write($"store {batch.Count} incoming message(s)", (database, transaction) =>
        {
            kept = count;
            for (var i = 0; i < batch.Count; i++)
            {
                var item = batch[i];
                if (database.Scalar(transaction, "SELECT 1 FROM messages WHERE sip_id = $id", ("$id", item.SipId)) is not null)
                {
                    results[i] = new IncomingStoreResult(IncomingStoreOutcome.Duplicate, null);
                    continue;
                }

                kept -= MakeRoom(database, transaction, kept);
                if (kept >= capacity)
                {
                    results[i] = new IncomingStoreResult(IncomingStoreOutcome.Full, null);
                    continue;
                }

                var id = Insert(database, transaction, item.SipId, item.Peer, item.PeerName, MessageDirection.Incoming, item.Text, item.At, MessageState.Received);
                kept++;
                results[i] = new IncomingStoreResult(
                    IncomingStoreOutcome.Stored,
                    new StoredMessage(id, item.Peer, item.PeerName, MessageDirection.Incoming, item.Text, item.At, Read: false, MessageState.Received));
            }

            return true;
        }, false);
        if (!written)
        {
            Array.Fill(results, new IncomingStoreResult(IncomingStoreOutcome.Failed, null));
            return results;
        }

        count = kept;
        return results;
    }

    /// <summary>
    /// Keeps a message the user is sending, in state <see cref="MessageState.Sending"/>. The cap
    /// evicts what it can but never refuses the user's own text. Null when the database failed.
    /// </summary>
    internal StoredMessage? AddOutgoing(string peer, string? peerName, string text, DateTimeOffset at)
    {
        var evicted = 0;
        var stored = Write($"store a message to {peer}", (database, transaction) =>
        {
            evicted = MakeRoom(database, transaction, count);
            var id = Insert(database, transaction, null, peer, peerName, MessageDirection.Outgoing, text, at, MessageState.Sending);
            return new StoredMessage(id, peer, peerName, MessageDirection.Outgoing, text, at, Read: true, MessageState.Sending);
        }, null);
        if (stored is not null)
        {
            count += 1 - evicted;
        }

        return stored;
    }

    /// <summary>Records the outcome of sending (or a resend); false when the message is gone or the database failed.</summary>
    internal bool SetState(long id, MessageState state, int? statusCode, string? reason) =>
        Write($"update message {id}", (database, transaction) => database.Execute(
            transaction,
            "UPDATE messages SET state = $state, status_code = $code, reason = $reason WHERE id = $id",
            ("$state", (int)state),
            ("$code", statusCode),
            ("$reason", reason),
            ("$id", id)) > 0, false);

    /// <summary>Marks every message with <paramref name="peer"/> read; returns how many changed.</summary>
    internal int MarkRead(string peer) =>
        Write($"mark messages with {peer} read", (database, transaction) =>
            database.Execute(transaction, "UPDATE messages SET read = 1 WHERE peer = $peer AND read = 0", ("$peer", peer)));

    /// <summary>Deletes a whole conversation; returns how many messages went.</summary>
    internal int DeleteConversation(string peer)
    {
        var deleted = Write($"delete the conversation with {peer}", (database, transaction) =>
            database.Execute(transaction, "DELETE FROM messages WHERE peer = $peer", ("$peer", peer)));
        count -= deleted;
        return deleted;
    }

    /// <summary>At capacity, deletes the oldest read messages so one more fits; returns how many went.</summary>
    /// <summary>Deletes the oldest read messages so that one more fits beside <paramref name="kept"/>; returns how many went.</summary>
    private int MakeRoom(SqliteConnection database, SqliteTransaction transaction, int kept)
    {
        var excess = kept + 1 - capacity;
        return excess <= 0 ? 0 : database.Execute(
            transaction,
            "DELETE FROM messages WHERE id IN (SELECT id FROM messages WHERE read = 1 ORDER BY at, id LIMIT $excess)",
            ("$excess", excess));
    }

    private static long Insert(SqliteConnection database, SqliteTransaction transaction, string? sipId, string peer, string? peerName, MessageDirection direction, string text, DateTimeOffset at, MessageState state) =>
        (long)database.Scalar(
            transaction,
            """
            INSERT INTO messages (sip_id, peer, peer_name, direction, body, at, read, state)
            VALUES ($sip, $peer, $name, $direction, $body, $at, $read, $state)
            RETURNING id
            """,
            ("$sip", sipId),
            ("$peer", peer),
            ("$name", peerName),
            ("$direction", (int)direction),
            ("$body", text),
            ("$at", at.ToUnixTimeMilliseconds()),
            ("$read", direction == MessageDirection.Outgoing ? 1 : 0),
            ("$state", (int)state))!;

    /// <summary>Runs <paramref name="write"/> in one transaction and commits it; a database failure is logged and gives <paramref name="failed"/>.</summary>
    private T Write<T>(string what, Func<SqliteConnection, SqliteTransaction, T> write, T failed)
    {
        if (connection is null)
        {
            return failed;
        }

        try
        {
            using var transaction = connection.BeginTransaction();
            var result = write(connection, transaction);
            transaction.Commit();
            return result;
        }
        catch (SqliteException exception)
        {
            logger.LogError(exception, "Could not {What}", what);
            return failed;
        }
    }

    private int Write(string what, Func<SqliteConnection, SqliteTransaction, int> write) => Write(what, write, 0);
}
