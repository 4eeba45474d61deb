namespace DeskPhone.Hal.RaspberryPi;

/// <summary>The SoC's internal bias resistor on an input pin.</summary>
public enum PinPull
{
    /// <summary>No internal resistor: the board has its own.</summary>
    None,
    Up,
    Down,
}
