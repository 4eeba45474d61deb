using DeskPhone.Phone.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Phone.Contacts;

/// <summary>Reading the book. A database failure is logged and reads as nothing.</summary>
public sealed partial class ContactBook
{
    /// <summary>
    /// The contacts whose name a keypad search matches, or all with no keys. Keys (digits, * and #
    /// as typed on the keypad) match when they spell, by the letters on the keys, the start of the
    /// name or of any word of it, accents ignored ("266" finds "Anna" and "Ànna"; "767" finds
    /// "Anna Rossi"), or when they are the start of the extension or of a number ("021" finds
    /// "02 1234 5678"). Sorted by name, accents and case ignored.
    /// </summary>
    /// <param name="offset">Index of the first contact wanted.</param>
    /// <param name="count">How many at most: the rows of the screen's list.</param>
    public ContactPage Browse(string keys, int offset, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!keys.All(ContactRules.IsKeypadSymbol))
        {
            throw new ArgumentException($"Keypad search takes digits, * and # only, not '{keys}'", nameof(keys));
        }

        return Read("search the phonebook", connection =>
        {
            var total = Convert.ToInt32(connection.Scalar(null, $"SELECT COUNT(*) FROM contacts WHERE {Matching}", ("$keys", keys)), System.Globalization.CultureInfo.InvariantCulture);
            var contacts = Load(
                connection,
                $"SELECT id, name, extension, sort_key FROM contacts WHERE {Matching} ORDER BY sort_key, name, id LIMIT $count OFFSET $offset",
                ("$keys", keys),
                ("$count", count),
                ("$offset", offset));
            return new ContactPage(contacts, offset, total);
        }) ?? ContactPage.Empty;
    }

    /// <summary>How many contacts the book holds.</summary>
    public int Count => Read("count contacts", connection =>
        Convert.ToInt32(connection.Scalar(null, "SELECT COUNT(*) FROM contacts"), System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Every contact, sorted by name: for export.</summary>
    public IReadOnlyList<Contact> All() => Browse(string.Empty, 0, int.MaxValue).Contacts;

    public Contact? Get(long id) =>
        Read($"read contact {id}", connection => Load(connection, "SELECT id, name, extension, sort_key FROM contacts WHERE id = $id", ("$id", id)).SingleOrDefault());

    /// <summary>
    /// Caller ID: the contact a caller's number belongs to, or null. Takes what the PBX sends
    /// ("102", "sip:102@pbx", "&lt;tel:+39-02-1234-5678&gt;"). An extension or number that is the
    /// same once separators are gone wins; otherwise a number that is the same line in its
    /// international or national form (<see cref="DialString.SameLine"/>). Several matches: the
    /// first by name.
    /// </summary>
    public Contact? FindByNumber(string callerId)
    {
        var dial = DialString.FromCallerId(callerId);
        if (dial.Length == 0)
        {
            return null;
        }

        return Read("look up a caller", connection =>
        {
            const string Columns = "SELECT id, name, extension, sort_key FROM contacts";
            var exact = Load(
                connection,
                $"{Columns} WHERE extension = $dial OR id IN (SELECT contact_id FROM numbers WHERE dial = $dial) ORDER BY sort_key, name, id LIMIT 1",
                ("$dial", dial));
            if (exact.Count > 0 || DialString.Tail(dial) is not { } tail)
            {
                return exact.SingleOrDefault();
            }

            var candidates = Load(
                connection,
                $"{Columns} WHERE id IN (SELECT contact_id FROM numbers WHERE tail = $tail) ORDER BY sort_key, name, id",
                ("$tail", tail));
            return candidates.FirstOrDefault(contact => contact.Numbers.Any(n => DialString.SameLine(dial, DialString.Normalize(n.Number))));
        });
    }

    /// <summary>The name to show for a caller, or null when the caller is not in the book.</summary>
    public string? NameFor(string callerId) => FindByNumber(callerId)?.Name;

    /// <summary>
    /// Keys match the start of a word of the keypad spelling (each word follows a space there), of
    /// the extension, or of a number with or without its leading +. Keys hold no LIKE wildcard:
    /// <see cref="Browse"/> admits only digits, * and #.
    /// </summary>
    private const string Matching =
        "($keys = '' OR keypad LIKE '% ' || $keys || '%' OR extension LIKE $keys || '%'" +
        " OR id IN (SELECT contact_id FROM numbers WHERE dial LIKE $keys || '%' OR ltrim(dial, '+') LIKE $keys || '%'))";

    /// <summary>Runs a query for contacts (id, name, extension, sort_key), then reads their numbers in one more.</summary>
    private static List<Contact> Load(SqliteConnection connection, string query, params (string Name, object? Value)[] parameters) =>
        Load(connection, null, query, parameters);

    private static List<Contact> Load(SqliteConnection connection, SqliteTransaction? transaction, string query, params (string Name, object? Value)[] parameters)
    {
        var rows = connection.Query(
            transaction,
            $"""
            WITH chosen AS ({query})
            SELECT c.id, c.name, c.extension, n.label, n.number
            FROM chosen c LEFT JOIN numbers n ON n.contact_id = c.id
            ORDER BY c.sort_key, c.name, c.id, n.position
            """,
            reader => (
                Id: reader.GetInt64(0),
                Name: reader.GetString(1),
                Extension: reader.IsDBNull(2) ? null : reader.GetString(2),
                Number: reader.IsDBNull(4) ? null : new ContactNumber(ParseLabel(reader.GetString(3)), reader.GetString(4))),
            parameters);

        var contacts = new List<Contact>();
        foreach (var group in rows.GroupBy(row => row.Id))
        {
            var first = group.First();
            var numbers = group.Where(row => row.Number is not null).Select(row => row.Number!).ToArray();
            contacts.Add(new Contact(first.Name, first.Extension, numbers, first.Id));
        }

        return contacts;
    }

    private static NumberLabel ParseLabel(string stored) =>
        Enum.TryParse<NumberLabel>(stored, ignoreCase: true, out var label) ? label : NumberLabel.Work;

    private T? Read<T>(string what, Func<SqliteConnection, T> query)
    {
        if (connection is null)
        {
            return default;
        }

        try
        {
            return query(connection);
        }
        catch (SqliteException exception)
        {
            logger.LogError(exception, "Could not {What}", what);
            return default;
        }
    }
}
