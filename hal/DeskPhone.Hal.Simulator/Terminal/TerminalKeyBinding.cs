namespace DeskPhone.Hal.Simulator;

/// <summary>
/// One PC key and what it does on the simulated phone. Exactly one of
/// <see cref="Char"/> (a printable character, letters matched in either case) and
/// <see cref="ConsoleKey"/> (a non-printing key) identifies the PC key.
/// </summary>
/// <param name="Label">How KEYS.md and the on-screen legend name the PC key.</param>
/// <param name="Key">The phone key it presses, or null when it lifts or replaces the handset.</param>
internal sealed record TerminalKeyBinding(char? Char, ConsoleKey? ConsoleKey, string Label, PhoneKey? Key)
{
    public bool TogglesHook => Key is null;

    /// <summary>What the binding does, as the legend and KEYS.md name it.</summary>
    public string Meaning => Key?.ToString() ?? "Hook";
}
