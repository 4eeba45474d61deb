namespace DeskPhone.Hal.RaspberryPi;

/// <summary>
/// The key matrix ("Hal:Keypad"): one row pin per entry of <see cref="Keys"/>, one column pin
/// per key name in a row. Pins are BCM numbers. The list properties are null when the
/// configuration does not set them, and the defaults of <see cref="KeypadDefaults"/> apply:
/// the configuration binder appends to a list that already has items instead of replacing it.
/// </summary>
public sealed class KeypadOptions
{
    /// <summary>Driven low one at a time while scanned, high-impedance otherwise.</summary>
    public int[]? RowPins { get; set; }

    /// <summary>Read with the internal pull-ups on; a pressed key pulls its column to the scanned row.</summary>
    public int[]? ColumnPins { get; set; }

    /// <summary>
    /// One string per row: the <see cref="PhoneKey"/> names of its keys, column by column,
    /// separated by spaces; "-" marks a position without a key.
    /// </summary>
    public string[]? Keys { get; set; }

    /// <summary>How often the whole matrix (and the hook switch) is read.</summary>
    public int ScanIntervalMilliseconds { get; set; } = 5;

    /// <summary>How long a key must read the same before a press or release counts.</summary>
    public int DebounceMilliseconds { get; set; } = 20;

    /// <summary>How long a key must stay down before LongPress is raised.</summary>
    public int LongPressMilliseconds { get; set; } = 800;

    /// <summary>
    /// Wait after driving a row before reading the columns, so the column lines (pull-up plus
    /// wiring capacitance) settle.
    /// </summary>
    public int SettleMicroseconds { get; set; } = 10;

    internal IReadOnlyList<int> EffectiveRowPins => RowPins ?? KeypadDefaults.RowPins;

    internal IReadOnlyList<int> EffectiveColumnPins => ColumnPins ?? KeypadDefaults.ColumnPins;

    internal IReadOnlyList<string> EffectiveKeys => Keys ?? KeypadDefaults.Keys;
}
