using DeskPhone.Phone.Contacts;

namespace DeskPhone.Phone.Screens;

/// <summary>A screen of the phonebook (<see cref="PhoneMode.Contacts"/>).</summary>
public abstract record PhonebookScreen : DirectoryScreen;

/// <summary>Whether the phonebook's database could be used, as the list tells the user.</summary>
public enum PhonebookStatus
{
    Ready,

    /// <summary>The file was damaged, set aside and an empty book started (<see cref="ContactBook.Problem"/>).</summary>
    Reset,

    /// <summary>No database could be opened: the book reads as empty (<see cref="ContactBook.IsAvailable"/>).</summary>
    Unavailable,
}

/// <summary>
/// The contacts by name, narrowed by the keypad <see cref="Keys"/> typed so far (2 = a b c …).
/// <see cref="Page"/> holds the rows on the display; <see cref="Selected"/> counts in the whole
/// list (or search), <see cref="ContactPage.Total"/> long.
/// </summary>
public sealed record PhonebookListScreen(string Keys, ContactPage Page, int Selected, PhonebookStatus Status)
    : PhonebookScreen
{
    /// <summary>The highlighted contact, when the page holds it.</summary>
    public Contact? Current =>
        Selected - Page.Offset is var row && row >= 0 && row < Page.Contacts.Count ? Page.Contacts[row] : null;
}

/// <summary>One contact: the name, then its extension and numbers, <see cref="Selected"/> highlighted.</summary>
public sealed record ContactScreen(Contact Contact, int Selected)
    : PhonebookScreen
{
    /// <summary>The extension first (when there is one), then the numbers in the user's order.</summary>
    public IReadOnlyList<ContactEntry> Entries => ContactEntry.Of(Contact);
}

/// <summary>A line one can call: the contact's extension (<see cref="Label"/> null) or one of its numbers.</summary>
public sealed record ContactEntry(NumberLabel? Label, string Number)
{
    public static IReadOnlyList<ContactEntry> Of(Contact contact)
    {
        var entries = new List<ContactEntry>(Contact.MaxNumbers + 1);
        if (!string.IsNullOrEmpty(contact.Extension))
        {
            entries.Add(new ContactEntry(null, contact.Extension));
        }

        entries.AddRange(contact.Numbers.Select(n => new ContactEntry(n.Label, n.Number)));
        return entries;
    }

    /// <summary>What the phone dials: the number without the separators it is written with.</summary>
    public string Dial => DialString.Normalize(Number);
}
