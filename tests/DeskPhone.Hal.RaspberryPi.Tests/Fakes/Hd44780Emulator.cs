namespace DeskPhone.Hal.RaspberryPi.Tests;

/// <summary>
/// An HD44780 behind a PCF8574 backpack, rebuilt from the bytes sent on the I²C bus, so tests
/// can read back what the LCD would show. Backpack wiring (the common one): P0 = RS, P1 = R/W,
/// P2 = E, P3 = backlight, P4–P7 = D4–D7. The controller takes the data lines when E falls
/// (HD44780U datasheet, bus timing). It powers up in 8-bit mode, where each E pulse is a whole
/// instruction with DB0–DB3 reading 0 (they are not wired); function set with DL = 0 switches to
/// 4-bit mode, where two pulses, high nibble first, make one byte.
/// </summary>
internal sealed class Hd44780Emulator
{
    private static readonly int[] RowAddress = [0x00, 0x40, 0x14, 0x54];

    private readonly byte[] _ddram = new byte[0x80];
    private readonly byte[] _cgram = new byte[64];
    private readonly List<string> _faults = [];
    private readonly List<byte> _commands = [];
    private bool _eightBit = true;
    private int? _highNibble;
    private int _address;
    private bool _addressingCgram;
    private bool _increment = true;
    private bool _previousEnable;
    private byte _previousByte;

    public Hd44780Emulator()
    {
        Array.Fill(_ddram, (byte)' ');
    }

    public bool Backlight { get; private set; }

    public bool DisplayOn { get; private set; }

    public bool TwoLineMode { get; private set; }

    public bool FourBitMode => !_eightBit;

    /// <summary>Every instruction (RS = 0) executed, in order.</summary>
    public IReadOnlyList<byte> Commands => _commands;

    /// <summary>Protocol misuse: reads, shifts, data written while the entry mode decrements or shifts.</summary>
    public IReadOnlyList<string> Faults => _faults;

    public void Feed(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            Backlight = (b & 0x08) != 0;
            bool enable = (b & 0x04) != 0;
            if ((b & 0x02) != 0)
            {
                _faults.Add($"R/W high in 0x{b:X2}: the backpack is write-only");
            }

            if (_previousEnable && !enable)
            {
                Latch(_previousByte);
            }

            _previousEnable = enable;
            _previousByte = b;
        }
    }

    /// <summary>The character code in a cell of a 20×4 module.</summary>
    public byte Code(int row, int column) => _ddram[RowAddress[row] + column];

    /// <summary>A row as text: ASCII codes as themselves, any other code as U+FFFD.</summary>
    public string Text(int row)
    {
        var text = new char[20];
        for (int column = 0; column < text.Length; column++)
        {
            byte code = Code(row, column);
            text[column] = code is >= 0x20 and <= 0x7D ? (char)code : '\uFFFD';
        }

        return new string(text);
    }

    /// <summary>The 8 pattern rows of CGRAM slot <paramref name="slot"/>.</summary>
    public byte[] Glyph(int slot) => _cgram.AsSpan(slot * 8, 8).ToArray();

    private void Latch(byte b)
    {
        bool data = (b & 0x01) != 0;
        int nibble = b >> 4;
        if (_eightBit)
        {
            Execute(data, (byte)(nibble << 4));
        }
        else if (_highNibble is int high)
        {
            _highNibble = null;
            Execute(data, (byte)((high << 4) | nibble));
        }
        else
        {
            _highNibble = nibble;
        }
    }

    private void Execute(bool data, byte value)
    {
        if (data)
        {
            Write(value);
            return;
        }

        _commands.Add(value);
        if ((value & 0x80) != 0)
        {
            _address = value & 0x7F;
            _addressingCgram = false;
        }
        else if ((value & 0x40) != 0)
        {
            _address = value & 0x3F;
            _addressingCgram = true;
        }
        else if ((value & 0x20) != 0)
        {
            _eightBit = (value & 0x10) != 0;
            TwoLineMode = (value & 0x08) != 0;
            _highNibble = null;
        }
        else if ((value & 0x10) != 0)
        {
            _faults.Add($"cursor/display shift 0x{value:X2}");
        }
        else if ((value & 0x08) != 0)
        {
            DisplayOn = (value & 0x04) != 0;
        }
        else if ((value & 0x04) != 0)
        {
            _increment = (value & 0x03) == 0x02;
        }
        else if ((value & 0x02) != 0)
        {
            _address = 0;
            _addressingCgram = false;
        }
        else if (value == 0x01)
        {
            Array.Fill(_ddram, (byte)' ');
            _address = 0;
            _addressingCgram = false;
        }
    }

    private void Write(byte value)
    {
        if (!_increment)
        {
            _faults.Add($"data 0x{value:X2} written while the entry mode is not increment without shift");
        }

        if (_addressingCgram)
        {
            _cgram[_address] = value;
            _address = (_address + 1) & 0x3F;
            return;
        }

        _ddram[_address] = value;
        _address = _address switch
        {
            0x27 => 0x40,
            0x67 => 0x00,
            _ => _address + 1,
        };
    }
}
