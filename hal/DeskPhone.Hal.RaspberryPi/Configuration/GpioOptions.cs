namespace DeskPhone.Hal.RaspberryPi;

/// <summary>Which GPIO controller drives the pins ("Hal:Gpio").</summary>
public sealed class GpioOptions
{
    /// <summary>
    /// The Linux GPIO chip (/dev/gpiochipN) to drive through libgpiod. Absent: System.Device.Gpio
    /// picks the best driver for the board itself (on a Pi 4 or Zero 2 W, the header's chip 0).
    /// </summary>
    public int? Chip { get; set; }
}
