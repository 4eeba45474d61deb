using System.Globalization;
using DeskPhone.Phone.Contacts;

namespace DeskPhone.Phone.Screens;

/// <summary>Draws the phonebook screens in the soft-key frame, in the words of <paramref name="texts"/>. Pure.</summary>
internal static class PhonebookScreenRenderer
{
    public static string[] Render(DirectoryScreen screen, LcdTexts texts, int columns, int rows)
    {
        var (content, keys) = screen switch
        {
            PhonebookListScreen list => List(list, texts, columns),
            ContactScreen contact => Contact(contact, texts, columns, rows - 1),
            _ => ([], string.Empty),
        };
        return SoftKeyFrame.Lines(content, keys, rows);
    }

    /// <summary>
    /// A header (the title, or the keys typed so far) with the number of contacts it covers, then
    /// the page of names with each one's extension flush right.
    /// </summary>
    private static (IReadOnlyList<string>, string) List(PhonebookListScreen list, LcdTexts texts, int columns)
    {
        var back = LcdText.SoftKeys(columns, string.Empty, string.Empty, string.Empty, texts.KeyBack);
        switch (list.Status)
        {
            case PhonebookStatus.Unavailable:
                return ([texts.PhonebookUnavailable, texts.StorageError], back);
            case PhonebookStatus.Reset when list.Page.Total == 0 && list.Keys.Length == 0:
                return ([texts.NoContacts, texts.PhonebookReset], back);
        }

        var header = LcdText.TwoColumns(
            list.Keys.Length == 0 ? texts.PhonebookTitle : texts.Find + list.Keys + "_",
            list.Page.Total.ToString(CultureInfo.InvariantCulture),
            columns);
        if (list.Page.Total == 0)
        {
            return ([header, list.Keys.Length == 0 ? texts.NoContacts : texts.NoMatch], back);
        }

        var lines = new List<string> { header };
        for (var i = 0; i < list.Page.Contacts.Count; i++)
        {
            var contact = list.Page.Contacts[i];
            lines.Add(SoftKeyFrame.Row(list.Page.Offset + i == list.Selected, LcdText.TwoColumns(contact.Name, contact.Extension ?? string.Empty, columns - 1)));
        }

        var canMessage = !string.IsNullOrEmpty(list.Current?.Extension);
        return (lines, LcdText.SoftKeys(columns, texts.KeyCall, canMessage ? texts.KeyMessage : string.Empty, string.Empty, texts.KeyBack));
    }

    /// <summary>The name, then the lines one can call, the selected one highlighted.</summary>
    private static (IReadOnlyList<string>, string) Contact(ContactScreen screen, LcdTexts texts, int columns, int content)
    {
        var entries = screen.Entries;
        var rows = content - 1;
        var top = SoftKeyFrame.Top(screen.Selected, rows);
        var lines = new List<string> { LcdText.Cut(screen.Contact.Name, columns) };
        lines.AddRange(entries.Skip(top).Take(rows).Select((entry, i) => SoftKeyFrame.Row(top + i == screen.Selected, Entry(entry, texts, columns - 1))));
        var canMessage = !string.IsNullOrEmpty(screen.Contact.Extension);
        return (lines, LcdText.SoftKeys(columns, texts.KeyCall, canMessage ? texts.KeyMessage : string.Empty, string.Empty, texts.KeyBack));
    }

    /// <summary>The label and, flush right, the number as written; a number too long for both goes alone.</summary>
    private static string Entry(ContactEntry entry, LcdTexts texts, int width)
    {
        var label = Label(entry.Label, texts);
        return label.Length + 1 + entry.Number.Length > width ? LcdText.Cut(entry.Number, width) : LcdText.TwoColumns(label, entry.Number, width);
    }

    /// <summary>What the line is: the extension on our PBX, or the vCard-style kind of a number.</summary>
    private static string Label(NumberLabel? label, LcdTexts texts) => label switch
    {
        null => texts.LabelExtension,
        NumberLabel.Mobile => texts.LabelMobile,
        NumberLabel.Home => texts.LabelHome,
        _ => texts.LabelWork,
    };
}
