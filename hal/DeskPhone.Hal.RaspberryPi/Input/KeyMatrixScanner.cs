using System.Diagnostics;

namespace DeskPhone.Hal.RaspberryPi;

/// <summary>
/// Reads the key matrix: each row in turn is driven low while the others float (inputs without
/// pull, high impedance), and the columns, pulled up, read low where a key joins them to the
/// driven row. Driving only the row being scanned means two keys pressed in one column never
/// join two driven outputs.
/// </summary>
internal sealed class KeyMatrixScanner
{
    private readonly GpioPort _gpio;
    private readonly int[] _rowPins;
    private readonly int[] _columnPins;
    private readonly long _settleTicks;

    /// <summary>Opens the rows floating and the columns with pull-ups.</summary>
    public KeyMatrixScanner(GpioPort gpio, IReadOnlyList<int> rowPins, IReadOnlyList<int> columnPins, int settleMicroseconds)
    {
        _gpio = gpio;
        _rowPins = rowPins.ToArray();
        _columnPins = columnPins.ToArray();
        _settleTicks = Stopwatch.Frequency * settleMicroseconds / 1_000_000;
        foreach (int pin in _rowPins)
        {
            gpio.OpenFloating(pin);
        }

        foreach (int pin in _columnPins)
        {
            gpio.OpenInput(pin, PinPull.Up);
        }
    }

    /// <summary>Bit (row × 8 + column) of a matrix reading; set means that position reads pressed.</summary>
    public static int Bit(int row, int column) => (row * KeyLayout.MaxColumns) + column;

    /// <summary>One pass over every row. THREAD: the HAL input thread only.</summary>
    public ulong Read()
    {
        ulong pressed = 0;
        for (int row = 0; row < _rowPins.Length; row++)
        {
            _gpio.DriveLow(_rowPins[row]);
            try
            {
                Settle();
                for (int column = 0; column < _columnPins.Length; column++)
                {
                    if (!_gpio.IsHigh(_columnPins[column]))
                    {
                        pressed |= 1UL << Bit(row, column);
                    }
                }
            }
            finally
            {
                _gpio.Release(_rowPins[row]);
            }
        }

        return pressed;
    }

    /// <summary>
    /// Waits for the column lines to follow the newly driven row. A spin of a few microseconds:
    /// sleeping would cost a whole scheduler tick per row.
    /// </summary>
    private void Settle()
    {
        if (_settleTicks == 0)
        {
            return;
        }

        long until = Stopwatch.GetTimestamp() + _settleTicks;
        while (Stopwatch.GetTimestamp() < until)
        {
            Thread.SpinWait(10);
        }
    }
}
