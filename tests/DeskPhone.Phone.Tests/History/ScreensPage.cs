using System.Text;

namespace DeskPhone.Phone.Tests.History;

/// <summary>
/// docs/screens.md and the framed form its screens take there (trailing spaces made visible by the
/// frame), for the tests that check the page against what the simulated LCD draws.
/// </summary>
internal static class ScreensPage
{
    public static string Text() =>
        File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "screens.md")).ReplaceLineEndings("\n");

    public static string Frame(PhoneTestRig rig)
    {
        var border = "+" + new string('-', rig.Hardware.Screen.Columns) + "+\n";
        var block = new StringBuilder(border);
        foreach (var line in rig.Hardware.Screen.Lines)
        {
            block.Append('|').Append(line).Append("|\n");
        }

        return block.Append(border).ToString();
    }

    /// <summary>The screens the page lacks, as one message.</summary>
    public static string Missing(IEnumerable<string> screens)
    {
        var page = Text();
        return string.Join("\n", screens.Where(screen => !page.Contains(screen, StringComparison.Ordinal)));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DeskPhone.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds DeskPhone.sln");
    }
}
