using DeskPhone.Hal.RaspberryPi;

namespace DeskPhone.Configuration;

public enum HardwareKind
{
    Simulator,
    RaspberryPi,
}

/// <summary>
/// Which hardware the firmware drives ("Hal" section), and the Raspberry Pi's pin maps and devices
/// ("Hal:Keypad:RowPins", …), which count only when <see cref="Kind"/> is RaspberryPi.
/// </summary>
public sealed class HalOptions : RaspberryPiOptions
{
    public const string Section = "Hal";

    public HardwareKind Kind { get; set; } = HardwareKind.Simulator;
}
