namespace DeskPhone.Hal.RaspberryPi;

/// <summary>The reference build's 6×6 matrix; docs/hardware.md has its wiring table.</summary>
public static class KeypadDefaults
{
    public static IReadOnlyList<int> RowPins { get; } = [4, 5, 6, 13, 16, 26];

    public static IReadOnlyList<int> ColumnPins { get; } = [23, 24, 25, 9, 10, 11];

    public static IReadOnlyList<string> Keys { get; } =
    [
        "Soft1 Soft2 Soft3 Soft4 Messages Contacts",
        "Digit1 Digit2 Digit3 Up History Hold",
        "Digit4 Digit5 Digit6 Down Transfer More",
        "Digit7 Digit8 Digit9 Ok Mute VolumeUp",
        "Star Digit0 Pound Back - VolumeDown",
        "Send End - - - -",
    ];
}
