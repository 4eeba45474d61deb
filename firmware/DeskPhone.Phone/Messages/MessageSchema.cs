namespace DeskPhone.Phone.Messages;

/// <summary>
/// The message database's layout. <c>sip_id</c> (unique) holds an incoming message's RFC 3428 §7
/// identity, so a retransmission is stored once; <c>at</c> is Unix milliseconds (UTC).
/// </summary>
internal static class MessageSchema
{
    /// <summary>Index = the version it starts from. Append, never edit: shipped phones have run them.</summary>
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE messages (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            sip_id      TEXT UNIQUE,
            peer        TEXT NOT NULL,
            peer_name   TEXT,
            direction   INTEGER NOT NULL,
            body        TEXT NOT NULL,
            at          INTEGER NOT NULL,
            read        INTEGER NOT NULL,
            state       INTEGER NOT NULL,
            status_code INTEGER,
            reason      TEXT
        );
        CREATE INDEX messages_by_peer ON messages (peer, id);
        CREATE INDEX messages_by_age ON messages (read, at, id);
        """,
    ];
}
