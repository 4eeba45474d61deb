namespace DeskPhone.Hal.Simulator;

/// <summary>
/// The single table of PC keys for the terminal front-end; hal/DeskPhone.Hal.Simulator/KEYS.md
/// documents it (a test keeps the two in step). Send and OK are separate keys on the phone, so
/// Enter is Send and 'o' is OK; Esc is the red End key and Backspace is Back.
/// </summary>
internal static class TerminalKeyMap
{
    public static IReadOnlyList<TerminalKeyBinding> Bindings { get; } =
    [
        Char('0', PhoneKey.Digit0),
        Char('1', PhoneKey.Digit1),
        Char('2', PhoneKey.Digit2),
        Char('3', PhoneKey.Digit3),
        Char('4', PhoneKey.Digit4),
        Char('5', PhoneKey.Digit5),
        Char('6', PhoneKey.Digit6),
        Char('7', PhoneKey.Digit7),
        Char('8', PhoneKey.Digit8),
        Char('9', PhoneKey.Digit9),
        Char('*', PhoneKey.Star),
        Char('#', PhoneKey.Pound),
        new(' ', null, "Space", null),
        Special(ConsoleKey.Enter, "Enter", PhoneKey.Send),
        Special(ConsoleKey.Escape, "Esc", PhoneKey.End),
        Char('o', PhoneKey.Ok),
        Special(ConsoleKey.Backspace, "Backspace", PhoneKey.Back),
        Special(ConsoleKey.UpArrow, "Up arrow", PhoneKey.Up),
        Special(ConsoleKey.DownArrow, "Down arrow", PhoneKey.Down),
        Special(ConsoleKey.F1, "F1", PhoneKey.Soft1),
        Special(ConsoleKey.F2, "F2", PhoneKey.Soft2),
        Special(ConsoleKey.F3, "F3", PhoneKey.Soft3),
        Special(ConsoleKey.F4, "F4", PhoneKey.Soft4),
        Char('h', PhoneKey.Hold),
        Char('m', PhoneKey.More),
        Char('t', PhoneKey.Transfer),
        Char('s', PhoneKey.Messages),
        Char('c', PhoneKey.Contacts),
        Char('y', PhoneKey.History),
        Char('u', PhoneKey.Mute),
        Char('+', PhoneKey.VolumeUp),
        Char('-', PhoneKey.VolumeDown),
    ];

    /// <summary>
    /// The binding for a key read from the console. Printable characters are matched first
    /// (case-insensitively), then the non-printing key, so a layout that puts '+' or '#' on an
    /// unusual key still works.
    /// </summary>
    public static TerminalKeyBinding? Find(ConsoleKeyInfo pressed)
    {
        char typed = char.ToLowerInvariant(pressed.KeyChar);
        foreach (TerminalKeyBinding binding in Bindings)
        {
            if (binding.Char == typed && !char.IsControl(typed))
            {
                return binding;
            }
        }

        foreach (TerminalKeyBinding binding in Bindings)
        {
            if (binding.ConsoleKey == pressed.Key)
            {
                return binding;
            }
        }

        return null;
    }

    private static TerminalKeyBinding Char(char c, PhoneKey key) => new(c, null, c.ToString(), key);

    private static TerminalKeyBinding Special(ConsoleKey consoleKey, string label, PhoneKey key) => new(null, consoleKey, label, key);
}
