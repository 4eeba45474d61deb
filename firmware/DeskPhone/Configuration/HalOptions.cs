namespace DeskPhone.Configuration;

public enum HardwareKind
{
    Simulator,
    RaspberryPi,
}

/// <summary>Which hardware the firmware drives ("Hal" section).</summary>
public sealed class HalOptions
{
    public const string Section = "Hal";

    public HardwareKind Kind { get; set; } = HardwareKind.Simulator;
}
