using Microsoft.Extensions.Logging.Abstractions;

namespace DeskPhone.Hal.RaspberryPi.Tests;

/// <summary>Our display over a recording I²C device, with an emulated HD44780 fed from what was sent.</summary>
internal sealed class LcdRig
{
    private int _fed;

    public LcdRig(CharacterRom rom = CharacterRom.A00)
    {
        Display = new Hd44780Display(() => LcdConnection.Open(Bus), rom, NullLogger.Instance);
        Sync();
    }

    public RecordingI2cDevice Bus { get; } = new();

    public Hd44780Emulator Lcd { get; } = new();

    public Hd44780Display Display { get; }

    /// <summary>Shows <paramref name="lines"/> and returns how many bytes went over the bus.</summary>
    public int Show(params string[] lines)
    {
        Display.Show(lines);
        return Sync();
    }

    /// <summary>Feeds the emulator what was sent since the last call; returns how many bytes that was.</summary>
    public int Sync()
    {
        byte[] sent = Bus.Since(_fed);
        _fed += sent.Length;
        Lcd.Feed(sent);
        return sent.Length;
    }

    public string[] Screen() => [.. Enumerable.Range(0, 4).Select(Lcd.Text)];
}
