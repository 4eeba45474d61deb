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
    /// flush right; a label is cut short rather than touch the next one.
    /// </summary>
    public static string SoftKeys(int columns, string first, string second = "", string third = "", string fourth = "")
    {
        var cell = columns / 4;
        var row = new char[columns];
        Array.Fill(row, ' ');
        var last = Cut(fourth, cell);
        last.CopyTo(row.AsSpan(columns - last.Length));
        string[] labels = [first, second, third];
        for (var i = 0; i < labels.Length; i++)
        {
            var (nextStart, nextLabel) = i < 2 ? ((i + 1) * cell, labels[i + 1]) : (columns - last.Length, last);
            var room = nextStart - (i * cell) - (nextLabel.Length > 0 ? 1 : 0);
            Cut(labels[i], room).CopyTo(row.AsSpan(i * cell));
        }

        return new string(row);
    }
}
