using System.Device.I2c;
using Iot.Device.CharacterLcd;

namespace DeskPhone.Hal.RaspberryPi;

/// <summary>An initialised LCD and the I²C device it talks through; disposing closes both.</summary>
internal sealed class LcdConnection(Hd44780 lcd, I2cDevice device) : IDisposable
{
    public Hd44780 Lcd { get; } = lcd;

    /// <summary>Opens the PCF8574 backpack at <paramref name="device"/> and initialises the HD44780 in 4-bit mode.</summary>
    public static LcdConnection Open(I2cDevice device)
    {
        try
        {
            return new LcdConnection(new Lcd2004(LcdInterface.CreateI2c(device, uses8Bit: false)), device);
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Lcd.Dispose();
        device.Dispose();
    }
}
