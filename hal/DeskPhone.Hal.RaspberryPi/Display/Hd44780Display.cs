using Iot.Device.CharacterLcd;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Hal.RaspberryPi;

/// <summary>
/// The 20×4 HD44780 LCD behind a PCF8574 I²C backpack, driven through Iot.Device.CharacterLcd.
/// It remembers what each cell shows and sends only the cells that change: a one-character
/// change costs a DDRAM address command and one data byte, 8 bytes on the I²C bus (4 per byte:
/// two nibbles, each clocked by raising and dropping E).
/// </summary>
internal sealed class Hd44780Display : ICharacterDisplay, IDisposable
{
    private const int ColumnCount = 20;
    private const byte Space = (byte)' ';

    // DDRAM address of each row's first cell on a 4-line module (HD44780U datasheet, "4-line by
    // 20-character display"): rows 2 and 3 continue rows 0 and 1.
    private static readonly byte[] RowAddress = [0x00, 0x40, 0x14, 0x54];

    private readonly Func<LcdConnection> _connect;
    private readonly CharacterRom _rom;
    private readonly ILogger _logger;
    private readonly GlyphSlots _slots = new();
    private readonly byte[] _shown = new byte[RowAddress.Length * ColumnCount];
    private readonly byte[] _next = new byte[RowAddress.Length * ColumnCount];
    private readonly char[] _run = new char[ColumnCount];
    private readonly List<char> _lentWanted = [];
    private LcdConnection? _connection;
    private int _cursor = -1;
    private bool _backlight = true;

    /// <param name="connect">Opens and initialises the LCD (clearing it); called again after an I²C failure.</param>
    /// <exception cref="IOException">The LCD does not answer.</exception>
    public Hd44780Display(Func<LcdConnection> connect, CharacterRom rom, ILogger logger)
    {
        _connect = connect;
        _rom = rom;
        _logger = logger;
        Connect();
    }

    public int Columns => ColumnCount;

    public int Rows => RowAddress.Length;

    /// <summary>THREAD: the phone loop only.</summary>
    public void Show(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        try
        {
            var lcd = (_connection ??= Connect()).Lcd;
            Encode(lcd, lines);
            Draw(lcd);
        }
        catch (IOException e)
        {
            // The LCD is unplugged or the bus glitched; a nibble may have been lost, so the next
            // screen starts with a fresh initialisation rather than trusting the controller.
            _logger.LogWarning(e, "Writing to the LCD failed; it will be re-initialised for the next screen");
            Disconnect();
        }
    }

    /// <summary>THREAD: the phone loop only.</summary>
    public void SetBacklight(bool on)
    {
        _backlight = on;
        try
        {
            if (_connection is not null && _connection.Lcd.BacklightOn != on)
            {
                _connection.Lcd.BacklightOn = on;
            }
        }
        catch (IOException e)
        {
            _logger.LogWarning(e, "Switching the LCD backlight failed");
            Disconnect();
        }
    }

    /// <summary>Blanks the screen and switches the backlight off, so a stopped phone looks stopped.</summary>
    public void Dispose()
    {
        if (_connection is null)
        {
            return;
        }

        try
        {
            _connection.Lcd.Clear();
            _connection.Lcd.BacklightOn = false;
        }
        catch (IOException)
        {
            // Shutting down anyway; an LCD that cannot be reached cannot be blanked.
        }

        Disconnect();
    }

    private LcdConnection Connect()
    {
        var connection = _connect();
        var lcd = connection.Lcd;
        try
        {
            for (int slot = 0; slot < GlyphSlots.FirstLent; slot++)
            {
                lcd.CreateCustomCharacter((byte)slot, GlyphBitmaps.For(_slots.Owner(slot)));
            }

            if (lcd.BacklightOn != _backlight)
            {
                lcd.BacklightOn = _backlight;
            }
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        // Initialisation clears DDRAM to spaces; the lent glyphs are gone from CGRAM.
        _slots.ClearLent();
        Array.Fill(_shown, Space);
        _cursor = -1;
        _connection = connection;
        return connection;
    }

    private void Disconnect()
    {
        _connection?.Dispose();
        _connection = null;
    }

    /// <summary>Turns the text into ROM codes in <see cref="_next"/>, lending glyph slots as needed.</summary>
    private void Encode(Hd44780 lcd, IReadOnlyList<string> lines)
    {
        _lentWanted.Clear();
        for (int row = 0; row < Rows; row++)
        {
            string line = row < lines.Count ? lines[row] ?? string.Empty : string.Empty;
            for (int column = 0; column < Math.Min(line.Length, Columns); column++)
            {
                char c = line[column];
                if (NeedsLentSlot(c) && !_lentWanted.Contains(c))
                {
                    _lentWanted.Add(c);
                }
            }
        }

        int upload = _slots.Assign(_lentWanted);
        for (int slot = GlyphSlots.FirstLent; slot < GlyphSlots.Count; slot++)
        {
            if ((upload & (1 << slot)) != 0)
            {
                lcd.CreateCustomCharacter((byte)slot, GlyphBitmaps.For(_slots.Owner(slot)));
                _cursor = -1;
            }
        }

        for (int row = 0; row < Rows; row++)
        {
            string line = row < lines.Count ? lines[row] ?? string.Empty : string.Empty;
            for (int column = 0; column < Columns; column++)
            {
                _next[(row * Columns) + column] = column < line.Length ? CodeOf(line[column]) : Space;
            }
        }
    }

    private bool NeedsLentSlot(char c) =>
        !LcdCharset.TryRom(c, _rom, out _) && !GlyphBitmaps.FixedSymbols.Contains(c) && !GlyphBitmaps.For(c).IsEmpty;

    private byte CodeOf(char c)
    {
        if (LcdCharset.TryRom(c, _rom, out byte code))
        {
            return code;
        }

        int slot = _slots.SlotOf(c);
        if (slot >= 0)
        {
            return (byte)slot;
        }

        return LcdCharset.TryRom(LcdCharset.Transliterate(c), _rom, out code) ? code : (byte)'?';
    }

    /// <summary>Sends each run of changed cells: one address command (unless the cursor is already there), then the run.</summary>
    private void Draw(Hd44780 lcd)
    {
        for (int row = 0; row < Rows; row++)
        {
            int column = 0;
            while (column < Columns)
            {
                int cell = (row * Columns) + column;
                if (_next[cell] == _shown[cell])
                {
                    column++;
                    continue;
                }

                int length = 0;
                while (column + length < Columns && _next[cell + length] != _shown[cell + length])
                {
                    _run[length] = (char)_next[cell + length];
                    length++;
                }

                int address = RowAddress[row] + column;
                if (_cursor != address)
                {
                    lcd.SetCursorPosition(column, row);
                }

                lcd.Write(_run.AsSpan(0, length));
                Array.Copy(_next, cell, _shown, cell, length);
                _cursor = AddressAfter(address, length);
                column += length;
            }
        }
    }

    /// <summary>
    /// Where the address counter stands after <paramref name="count"/> writes from
    /// <paramref name="address"/>: in two-line mode it runs 0x00–0x27 then 0x40–0x67 and wraps.
    /// </summary>
    private static int AddressAfter(int address, int count)
    {
        for (int i = 0; i < count; i++)
        {
            address = address switch
            {
                0x27 => 0x40,
                0x67 => 0x00,
                _ => address + 1,
            };
        }

        return address;
    }
}
