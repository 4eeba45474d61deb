using System.Text;

namespace DeskPhone.Phone.Contacts;

/// <summary>What a storable contact looks like, and the tidying every way in (keypad, vCard, CSV) shares.</summary>
internal static class ContactRules
{
    /// <summary>Room for long Italian double names; the 20-column screen scrolls or cuts them.</summary>
    public const int MaxNameLength = 80;

    /// <summary>The dialler accepts at most this many characters (PhoneOptions.MaxDialDigits' upper bound).</summary>
    public const int MaxDialLength = 64;

    /// <summary>Whitespace runs (newlines from a vCard too) become one space; blank numbers go; a blank extension is none.</summary>
    public static Contact Tidy(Contact contact) => contact with
    {
        Name = CollapseSpaces(contact.Name),
        Extension = string.IsNullOrWhiteSpace(contact.Extension) ? null : contact.Extension.Trim(),
        Numbers = contact.Numbers
            .Where(n => !string.IsNullOrWhiteSpace(n.Number))
            .Select(n => n with { Number = CollapseSpaces(n.Number) })
            .ToArray(),
    };

    /// <summary>Checks a tidied contact.</summary>
    public static ContactProblem Check(Contact contact)
    {
        if (contact.Name.Length == 0)
        {
            return ContactProblem.NoName;
        }

        if (contact.Name.Length > MaxNameLength)
        {
            return ContactProblem.NameTooLong;
        }

        if (contact.Extension is null && contact.Numbers.Count == 0)
        {
            return ContactProblem.NothingToCall;
        }

        if (contact.Numbers.Count > Contact.MaxNumbers)
        {
            return ContactProblem.TooManyNumbers;
        }

        if (contact.Extension is { } extension && (extension.Length > MaxDialLength || !extension.All(IsKeypadSymbol)))
        {
            return ContactProblem.BadExtension;
        }

        return contact.Numbers.All(n => DialString.IsValidNumber(n.Number)) ? ContactProblem.None : ContactProblem.BadNumber;
    }

    /// <summary>Tidies then checks: the contact to store, or why it cannot be.</summary>
    public static (Contact Tidied, ContactProblem Problem) Prepare(Contact contact)
    {
        var tidied = Tidy(contact);
        return (tidied, Check(tidied));
    }

    public static bool IsKeypadSymbol(char c) => char.IsAsciiDigit(c) || c is '*' or '#';

    private static string CollapseSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(word);
        }

        return builder.ToString();
    }
}
