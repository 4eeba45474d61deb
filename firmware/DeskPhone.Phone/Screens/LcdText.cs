namespace DeskPhone.Phone.Screens;

/// <summary>Fitting text into the character display's rows.</summary>
internal static class LcdText
{
    public static string Cut(string text, int width) => text.Length > width ? text[..Math.Max(0, width)] : text;

    /// <summary><paramref name="left"/> and, flush right, <paramref name="right"/>; the left part is cut when both do not fit.</summary>
    public static string TwoColumns(string left, string right, int columns)
    {
        if (right.Length == 0)
        {
            return Cut(left, columns);
        }

        left = Cut(left, columns - right.Length - 1);
        return left.PadRight(columns - right.Length) + right;
    }

    /// <summary>
    /// The bottom row naming the four soft keys beneath it: each label under its key, the last one
    /// flush right. A label may run on over empty neighbours, and is cut short rather than touch
    /// the next label.
    /// </summary>
    public static string SoftKeys(int columns, string first, string second = "", string third = "", string fourth = "")
    {
        var cell = columns / 4;
        string[] labels = [first, second, third];
        var usedCells = Array.FindLastIndex(labels, label => label.Length > 0) + 1;
        var last = Cut(fourth, columns - (usedCells * cell));
        var row = new char[columns];
        Array.Fill(row, ' ');
        last.CopyTo(row.AsSpan(columns - last.Length));
        for (var i = 0; i < labels.Length; i++)
        {
            var next = Array.FindIndex(labels, i + 1, label => label.Length > 0);
            var end = next > 0 ? (next * cell) - 1 : last.Length > 0 ? columns - last.Length - 1 : columns;
            Cut(labels[i], end - (i * cell)).CopyTo(row.AsSpan(i * cell));
        }

        return new string(row);
    }
}
