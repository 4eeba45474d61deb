namespace DeskPhone.Phone.Contacts;

/// <summary>
/// The contact database's layout. <c>sort_key</c> (folded name) and <c>keypad</c> (its keypad
/// spelling) are computed from the name when it is written, so sorting and keypad search run in
/// SQL; <c>dial</c> and <c>tail</c> are a number's dialled form and final digits, for caller ID.
/// </summary>
internal static class ContactSchema
{
    /// <summary>Index = the version it starts from. Append, never edit: shipped phones have run them.</summary>
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE contacts (
            id        INTEGER PRIMARY KEY AUTOINCREMENT,
            name      TEXT NOT NULL,
            sort_key  TEXT NOT NULL,
            keypad    TEXT NOT NULL,
            extension TEXT
        );
        CREATE INDEX contacts_by_name ON contacts (sort_key, name, id);
        CREATE INDEX contacts_by_extension ON contacts (extension);
        CREATE TABLE numbers (
            contact_id INTEGER NOT NULL,
            position   INTEGER NOT NULL,
            label      TEXT NOT NULL,
            number     TEXT NOT NULL,
            dial       TEXT NOT NULL,
            tail       TEXT,
            PRIMARY KEY (contact_id, position)
        );
        CREATE INDEX numbers_by_dial ON numbers (dial);
        CREATE INDEX numbers_by_tail ON numbers (tail);
        """,
    ];
}
