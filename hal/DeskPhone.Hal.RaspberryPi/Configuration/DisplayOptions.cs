namespace DeskPhone.Hal.RaspberryPi;

/// <summary>The 20×4 HD44780 LCD on a PCF8574 I²C backpack ("Hal:Display").</summary>
public sealed class DisplayOptions
{
    /// <summary>/dev/i2c-N; bus 1 is the header's SDA/SCL (GPIO 2/3).</summary>
    public int I2cBus { get; set; } = 1;

    /// <summary>
    /// The backpack's 7-bit address, "0x27" (PCF8574) or "0x3F" (PCF8574A) when its A0–A2
    /// jumpers are open; 0x20–0x27 and 0x38–0x3F are possible.
    /// </summary>
    public string Address { get; set; } = "0x27";

    public CharacterRom Rom { get; set; } = CharacterRom.A00;
}
