using System.Device.Gpio;
using Microsoft.Extensions.Time.Testing;

namespace DeskPhone.Hal.RaspberryPi.Tests;

/// <summary>Our keypad over the fake matrix, scanned by hand on a fake clock.</summary>
internal sealed class KeypadRig
{
    public static readonly TimeSpan ScanInterval = TimeSpan.FromMilliseconds(5);

    private readonly KeyLayout _layout;
    private readonly int[] _rowPins;
    private readonly int[] _columnPins;

    public KeypadRig(KeypadOptions? options = null)
    {
        options ??= new KeypadOptions { SettleMicroseconds = 0 };
        _layout = KeyLayout.Parse(options.EffectiveKeys, "Hal:Keypad:Keys", [])!;
        _rowPins = options.EffectiveRowPins.ToArray();
        _columnPins = options.EffectiveColumnPins.ToArray();
        Driver.WireMatrix(_rowPins, _columnPins);
        var gpio = new GpioPort(new GpioController(Driver));
        Scanner = new KeyMatrixScanner(gpio, _rowPins, _columnPins, options.SettleMicroseconds);
        Keypad = new GpioKeypad(Scanner, _layout, options, Time);
        Keypad.KeyChanged += Events.Add;
    }

    public FakeGpioDriver Driver { get; } = new();

    public FakeTimeProvider Time { get; } = new();

    public KeyMatrixScanner Scanner { get; }

    public GpioKeypad Keypad { get; }

    public List<KeyEvent> Events { get; } = [];

    public void Press(PhoneKey key)
    {
        var (row, column) = Find(key);
        Driver.Press(_rowPins[row], _columnPins[column]);
    }

    public void Release(PhoneKey key)
    {
        var (row, column) = Find(key);
        Driver.Release(_rowPins[row], _columnPins[column]);
    }

    /// <summary>Lets <paramref name="duration"/> pass, scanning every <see cref="ScanInterval"/>.</summary>
    public void Run(TimeSpan duration)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += ScanInterval)
        {
            Time.Advance(ScanInterval);
            Keypad.Scan();
        }
    }

    public void Run(int milliseconds) => Run(TimeSpan.FromMilliseconds(milliseconds));

    /// <summary>True when the raw matrix reads <paramref name="key"/>'s position as pressed.</summary>
    public bool ReadsPressed(PhoneKey key)
    {
        var (row, column) = Find(key);
        return (Scanner.Read() & (1UL << KeyMatrixScanner.Bit(row, column))) != 0;
    }

    private (int Row, int Column) Find(PhoneKey key)
    {
        for (int row = 0; row < _layout.Rows; row++)
        {
            for (int column = 0; column < _layout.Columns; column++)
            {
                if (_layout[row, column] == key)
                {
                    return (row, column);
                }
            }
        }

        throw new ArgumentException($"{key} is not in the layout", nameof(key));
    }
}
