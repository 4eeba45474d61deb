using System.Text;

namespace DeskPhone.Hal.Simulator;

/// <summary>
/// Draws the simulated phone as one ANSI frame: the LCD in a box, the state of the handset,
/// ringer and LEDs, and the key legend. Uses only ECMA-48 sequences every terminal emulator
/// knows (cursor home, erase, SGR colours).
/// </summary>
internal static class TerminalRenderer
{
    public const string Home = "\e[H";
    public const string EraseLineEnd = "\e[K";
    public const string EraseBelow = "\e[J";
    private const string Reset = "\e[0m";
    private const string Bold = "\e[1m";
    private const string Dim = "\e[2m";
    private const string LitLcd = "\e[30;42m";
    private const string Alert = "\e[1;37;41m";

    public static string Render(SimulatedHardware hardware, int width)
    {
        var frame = new StringBuilder(Home);
        void Line(string text) => frame.Append(text).Append(Reset).Append(EraseLineEnd).Append('\n');

        SimulatedDisplay screen = hardware.Screen;
        string border = new('─', screen.Columns);
        Line($"{Bold}DeskPhone simulator");
        Line($"┌{border}┐");
        string lcdStyle = screen.Backlight ? LitLcd : Dim;
        foreach (string row in screen.Lines)
        {
            Line($"│{lcdStyle}{row}{Reset}│");
        }

        Line($"└{border}┘");
        Line(
            $"Handset: {(hardware.Hook.IsOffHook ? "OFF HOOK" : "on hook")}   "
            + $"Ringer: {(hardware.Ringer.IsRinging ? $"{Alert} RINGING {Reset}" : "quiet")}   "
            + $"Line LED: {Describe(hardware.Indicators.Line)}   "
            + $"Message LED: {(hardware.Indicators.MessageWaiting ? $"{Alert} ON {Reset}" : "off")}");
        Line($"Earpiece: {hardware.Audio.PlaybackDescription}");
        Line(string.Empty);
        foreach (string legendLine in Legend(width))
        {
            Line(legendLine);
        }

        Line($"{Dim}Ctrl-C quits. Full key list: hal/DeskPhone.Hal.Simulator/KEYS.md");
        frame.Append(EraseBelow);
        return frame.ToString();
    }

    /// <summary>The key legend, from <see cref="TerminalKeyMap"/>, wrapped to <paramref name="width"/>.</summary>
    internal static IEnumerable<string> Legend(int width)
    {
        var line = new StringBuilder("0-9 * #=dial");
        foreach (TerminalKeyBinding binding in TerminalKeyMap.Bindings)
        {
            if (binding.Key?.DialChar() is not null)
            {
                continue;
            }

            string entry = $"{binding.Label}={binding.Meaning}";
            if (line.Length + 3 + entry.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }
            else
            {
                line.Append("   ");
            }

            line.Append(entry);
        }

        yield return line.ToString();
    }

    private static string Describe(LineIndicator state) => state switch
    {
        LineIndicator.On => $"{Bold}on{Reset}",
        LineIndicator.Blinking => $"{Bold}blinking{Reset}",
        _ => "off",
    };
}
