namespace DeskPhone.Phone.Screens;

/// <summary>
/// The frame the history and phonebook screens share with the message screens: every row but the
/// last shows content, the last names the soft keys. Pure.
/// </summary>
internal static class SoftKeyFrame
{
    public static string[] Lines(IReadOnlyList<string> content, string keys, int rows)
    {
        var lines = new string[rows];
        for (var row = 0; row < rows - 1; row++)
        {
            lines[row] = row < content.Count ? content[row] : string.Empty;
        }

        lines[rows - 1] = keys;
        return lines;
    }

    /// <summary>The first item a list of <paramref name="rows"/> rows shows so that <paramref name="selected"/> is on screen.</summary>
    public static int Top(int selected, int rows) => Math.Max(0, selected - rows + 1);

    /// <summary>A selectable row: '&gt;' before the highlighted item, a space before the others.</summary>
    public static string Row(bool selected, string text) => (selected ? ">" : " ") + text;
}
