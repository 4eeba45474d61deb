namespace DeskPhone.Phone.Screens;

/// <summary>Breaks text into display lines at spaces; a word longer than a line is split.</summary>
internal static class WordWrap
{
    public static List<string> Lines(string text, int width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var rest = word;
                if (line.Length > 0 && line.Length + 1 + rest.Length <= width)
                {
                    line += " " + rest;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                while (rest.Length > width)
                {
                    lines.Add(rest[..width]);
                    rest = rest[width..];
                }

                line = rest;
            }

            lines.Add(line);
        }

        return lines;
    }
}
