using DeskPhone.Phone.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Phone.Contacts;

/// <summary>Changing the book. Each change is one transaction, on disk when the method returns.</summary>
public sealed partial class ContactBook
{
    /// <summary>Stores a new contact (its <see cref="Contact.Id"/> is ignored); the result carries the stored contact with its id.</summary>
    public ContactSave Add(Contact contact)
    {
        var (tidied, problem) = ContactRules.Prepare(contact);
        if (problem != ContactProblem.None)
        {
            return new ContactSave(null, problem);
        }

        return Write($"add contact {tidied.Name}", transaction =>
        {
            var stored = Insert(transaction, tidied);
            transaction.Commit();
            return new ContactSave(stored, ContactProblem.None);
        });
    }

    /// <summary>Replaces the stored contact with the same <see cref="Contact.Id"/>.</summary>
    public ContactSave Update(Contact contact)
    {
        var (tidied, problem) = ContactRules.Prepare(contact);
        if (problem != ContactProblem.None)
        {
            return new ContactSave(null, problem);
        }

        return Write($"update contact {tidied.Id}", transaction =>
        {
            var database = transaction.Connection!;
            var changed = database.Execute(
                transaction,
                "UPDATE contacts SET name = $name, sort_key = $sort, keypad = $keypad, extension = $extension WHERE id = $id",
                NameColumns(tidied).Append(("$id", tidied.Id)).ToArray());
            if (changed == 0)
            {
                return new ContactSave(null, ContactProblem.NotFound);
            }

            database.Execute(transaction, "DELETE FROM numbers WHERE contact_id = $id", ("$id", tidied.Id));
            InsertNumbers(transaction, tidied.Id, tidied.Numbers);
            transaction.Commit();
            return new ContactSave(tidied, ContactProblem.None);
        });
    }

    public ContactProblem Delete(long id) =>
        Write($"delete contact {id}", transaction =>
        {
            var database = transaction.Connection!;
            database.Execute(transaction, "DELETE FROM numbers WHERE contact_id = $id", ("$id", id));
            var deleted = database.Execute(transaction, "DELETE FROM contacts WHERE id = $id", ("$id", id));
            transaction.Commit();
            return deleted == 0 ? ContactProblem.NotFound : ContactProblem.None;
        });

    /// <summary>
    /// Adds many contacts in one transaction (an import: all or, if the database fails, none).
    /// A contact the book already holds with the same name, extension and numbers is skipped, so
    /// importing the same file twice adds nothing; one that cannot be stored is listed with why.
    /// </summary>
    public ContactImportSummary AddMany(IEnumerable<Contact> contacts)
    {
        var rejected = new List<(int Index, ContactProblem Problem)>();
        var prepared = contacts.Select((contact, index) => (Index: index, Prepared: ContactRules.Prepare(contact))).ToList();
        var summary = InTransaction("import contacts", transaction =>
        {
            int added = 0, duplicates = 0;
            foreach (var (index, (tidied, problem)) in prepared)
            {
                if (problem != ContactProblem.None)
                {
                    rejected.Add((index, problem));
                }
                else if (HasSame(transaction, tidied))
                {
                    duplicates++;
                }
                else
                {
                    Insert(transaction, tidied);
                    added++;
                }
            }

            transaction.Commit();
            return new ContactImportSummary(added, duplicates, rejected);
        });

        return summary ?? new ContactImportSummary(0, 0, prepared.Select(p => (p.Index, ContactProblem.StorageFailed)).ToArray());
    }

    private static Contact Insert(SqliteTransaction transaction, Contact contact)
    {
        var id = (long)transaction.Connection!.Scalar(
            transaction,
            "INSERT INTO contacts (name, sort_key, keypad, extension) VALUES ($name, $sort, $keypad, $extension) RETURNING id",
            NameColumns(contact))!;
        InsertNumbers(transaction, id, contact.Numbers);
        return contact with { Id = id };
    }

    private static void InsertNumbers(SqliteTransaction transaction, long id, IReadOnlyList<ContactNumber> numbers)
    {
        for (var position = 0; position < numbers.Count; position++)
        {
            var dial = DialString.Normalize(numbers[position].Number);
            transaction.Connection!.Execute(
                transaction,
                "INSERT INTO numbers (contact_id, position, label, number, dial, tail) VALUES ($id, $position, $label, $number, $dial, $tail)",
                ("$id", id),
                ("$position", position),
                ("$label", numbers[position].Label.ToString().ToLowerInvariant()),
                ("$number", numbers[position].Number),
                ("$dial", dial),
                ("$tail", DialString.Tail(dial)));
        }
    }

    private static bool HasSame(SqliteTransaction transaction, Contact contact) =>
        Load(transaction.Connection!, transaction, "SELECT id, name, extension, sort_key FROM contacts WHERE name = $name", ("$name", contact.Name))
            .Any(stored => stored.SameAs(contact));

    private static (string, object?)[] NameColumns(Contact contact) =>
    [
        ("$name", contact.Name),
        ("$sort", NameFolding.Fold(contact.Name)),
        ("$keypad", NameFolding.KeypadKey(contact.Name)),
        ("$extension", contact.Extension),
    ];

    /// <summary>Runs one write transaction; a database failure is logged and becomes a value.</summary>
    private ContactSave Write(string what, Func<SqliteTransaction, ContactSave> write) =>
        InTransaction<ContactSave?>(what, transaction => write(transaction)) ?? new ContactSave(null, ContactProblem.StorageFailed);

    private ContactProblem Write(string what, Func<SqliteTransaction, ContactProblem> write) =>
        InTransaction<ContactProblem?>(what, transaction => write(transaction)) ?? ContactProblem.StorageFailed;

    private T? InTransaction<T>(string what, Func<SqliteTransaction, T> write)
    {
        if (connection is null)
        {
            return default;
        }

        try
        {
            using var transaction = connection.BeginTransaction();
            return write(transaction);
        }
        catch (SqliteException exception)
        {
            logger.LogError(exception, "Could not {What}", what);
            return default;
        }
    }
}
