using System.Diagnostics;

namespace DeskPhone.Hal.Simulator;

/// <summary>Finds out whether the PC can play sound through aplay.</summary>
internal static class AlsaProbe
{
    private static readonly TimeSpan ListTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The full path of <c>aplay</c> on PATH, or null.</summary>
    public static string? FindAplay()
    {
        string? path = Environment.GetEnvironmentVariable("PATH");
        if (path is null)
        {
            return null;
        }

        foreach (string directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(directory, "aplay");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// True when <c>aplay -l</c> lists a sound card, or <c>aplay -L</c> lists a PCM other
    /// than "null" (a PulseAudio or PipeWire bridge has no card of its own).
    /// </summary>
    public static bool HasPlaybackDevice(string aplayPath) =>
        ListsCard(Run(aplayPath, "-l")) || ListsUsablePcm(Run(aplayPath, "-L"));

    /// <summary>Whether <c>aplay -l</c> output names a card ("card 0: ...").</summary>
    internal static bool ListsCard(string hardwareList) =>
        hardwareList.Split('\n').Any(line => line.StartsWith("card ", StringComparison.Ordinal));

    /// <summary>Whether <c>aplay -L</c> output names a PCM other than "null"; names start in column 0, descriptions are indented.</summary>
    internal static bool ListsUsablePcm(string pcmList) =>
        pcmList.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Any(line => line.Length > 0 && !char.IsWhiteSpace(line[0]) && line != "null");

    private static string Run(string aplayPath, string argument)
    {
        var start = new ProcessStartInfo(aplayPath, argument)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using Process process = Process.Start(start)!;
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(ListTimeout))
            {
                process.Kill();
                return string.Empty;
            }

            return output.GetAwaiter().GetResult();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return string.Empty;
        }
    }
}
