namespace DeskPhone.Phone.History;

/// <summary>
/// The call history database's layout: the calls, newest by id, and one row of state (the missed
/// calls the user has not looked at yet, shown on the idle screen and the LED).
/// </summary>
internal static class CallHistorySchema
{
    /// <summary>Index = the version it starts from. Append, never edit: shipped phones have run them.</summary>
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE calls (
            id       INTEGER PRIMARY KEY AUTOINCREMENT,
            kind     TEXT NOT NULL,
            number   TEXT NOT NULL,
            name     TEXT,
            started  INTEGER NOT NULL,
            duration INTEGER NOT NULL
        );
        CREATE TABLE history_state (
            id            INTEGER PRIMARY KEY CHECK (id = 1),
            unseen_missed INTEGER NOT NULL
        );
        INSERT INTO history_state (id, unseen_missed) VALUES (1, 0);
        """,
    ];
}
