namespace DeskPhone.Hal.RaspberryPi;

/// <summary>A logic level on a GPIO pin, as written in the configuration.</summary>
public enum PinLevel
{
    Low,
    High,
}
