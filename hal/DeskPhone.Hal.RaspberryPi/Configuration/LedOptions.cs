namespace DeskPhone.Hal.RaspberryPi;

/// <summary>The two LEDs ("Hal:Leds"). Pins are BCM numbers.</summary>
public sealed class LedOptions
{
    public int MessageWaitingPin { get; set; } = 27;

    public int LinePin { get; set; } = 22;

    /// <summary>True when an LED lights with its pin low (LED to 3.3 V through its resistor).</summary>
    public bool ActiveLow { get; set; }

    /// <summary>Half period of the blinking line LED.</summary>
    public int BlinkMilliseconds { get; set; } = 500;
}
