using System.Globalization;

namespace DeskPhone.Phone.Screens;

/// <summary>Draws the phonebook screens in the soft-key frame. Pure.</summary>
internal static class PhonebookScreenRenderer
{
    public static string[] Render(DirectoryScreen screen, int columns, int rows)
    {
        var (content, keys) = screen switch
        {
            PhonebookListScreen list => List(list, columns),
            ContactScreen contact => Contact(contact, columns, rows - 1),
            _ => ([], string.Empty),
        };
        return SoftKeyFrame.Lines(content, keys, rows);
    }

    /// <summary>
    /// A header (the title, or the keys typed so far) with the number of contacts it covers, then
    /// the page of names with each one's extension flush right.
    /// </summary>
    private static (IReadOnlyList<string>, string) List(PhonebookListScreen list, int columns)
    {
        var back = LcdText.SoftKeys(columns, string.Empty, string.Empty, string.Empty, PhonebookTexts.Back);
        switch (list.Status)
        {
            case PhonebookStatus.Unavailable:
                return ([PhonebookTexts.Unavailable, PhonebookTexts.StorageError], back);
            case PhonebookStatus.Reset when list.Page.Total == 0 && list.Keys.Length == 0:
                return ([PhonebookTexts.Empty, PhonebookTexts.Reset], back);
        }

        var header = LcdText.TwoColumns(
            list.Keys.Length == 0 ? PhonebookTexts.Title : PhonebookTexts.Find + list.Keys + "_",
            list.Page.Total.ToString(CultureInfo.InvariantCulture),
            columns);
        if (list.Page.Total == 0)
        {
            return ([header, list.Keys.Length == 0 ? PhonebookTexts.Empty : PhonebookTexts.NoMatch], back);
        }

        var lines = new List<string> { header };
        for (var i = 0; i < list.Page.Contacts.Count; i++)
        {
            var contact = list.Page.Contacts[i];
            lines.Add(SoftKeyFrame.Row(list.Page.Offset + i == list.Selected, LcdText.TwoColumns(contact.Name, contact.Extension ?? string.Empty, columns - 1)));
        }

        var canMessage = !string.IsNullOrEmpty(list.Current?.Extension);
        return (lines, LcdText.SoftKeys(columns, PhonebookTexts.Call, canMessage ? PhonebookTexts.Message : string.Empty, string.Empty, PhonebookTexts.Back));
    }

    /// <summary>The name, then the lines one can call, the selected one highlighted.</summary>
    private static (IReadOnlyList<string>, string) Contact(ContactScreen screen, int columns, int content)
    {
        var entries = screen.Entries;
        var rows = content - 1;
        var top = SoftKeyFrame.Top(screen.Selected, rows);
        var lines = new List<string> { LcdText.Cut(screen.Contact.Name, columns) };
        lines.AddRange(entries.Skip(top).Take(rows).Select((entry, i) => SoftKeyFrame.Row(top + i == screen.Selected, Entry(entry, columns - 1))));
        var canMessage = !string.IsNullOrEmpty(screen.Contact.Extension);
        return (lines, LcdText.SoftKeys(columns, PhonebookTexts.Call, canMessage ? PhonebookTexts.Message : string.Empty, string.Empty, PhonebookTexts.Back));
    }

    /// <summary>The label and, flush right, the number as written; a number too long for both goes alone.</summary>
    private static string Entry(ContactEntry entry, int width)
    {
        var label = PhonebookTexts.Label(entry.Label);
        return label.Length + 1 + entry.Number.Length > width ? LcdText.Cut(entry.Number, width) : LcdText.TwoColumns(label, entry.Number, width);
    }
}
