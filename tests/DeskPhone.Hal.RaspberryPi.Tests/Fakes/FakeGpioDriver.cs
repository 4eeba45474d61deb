using System.Device.Gpio;

namespace DeskPhone.Hal.RaspberryPi.Tests;

/// <summary>
/// A GPIO driver wired, in software, to a key matrix without diodes and to free-standing inputs
/// (the hook switch). A column reads low when a chain of pressed keys joins it to a row that is
/// driven low — so ghost keys appear exactly as on the real board. It records how pins are used
/// and any misuse (two rows driven at once, a column read without its pull-up).
/// </summary>
internal sealed class FakeGpioDriver : GpioDriver
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly Dictionary<int, PinValue> _latched = [];
    private readonly Dictionary<int, PinValue> _external = [];
    private readonly HashSet<(int RowPin, int ColumnPin)> _pressed = [];
    private readonly List<string> _faults = [];
    private readonly List<(int Pin, PinValue Value)> _writes = [];
    private int[] _rowPins = [];
    private int[] _columnPins = [];

    public bool Disposed { get; private set; }

    /// <summary>Misuse seen so far, in words.</summary>
    public IReadOnlyList<string> Faults
    {
        get
        {
            lock (_lock)
            {
                return _faults.ToArray();
            }
        }
    }

    /// <summary>Every write to an output, in order.</summary>
    public IReadOnlyList<(int Pin, PinValue Value)> Writes
    {
        get
        {
            lock (_lock)
            {
                return _writes.ToArray();
            }
        }
    }

    protected override int PinCount => 28;

    /// <summary>Declares which pins are the matrix's rows and columns.</summary>
    public void WireMatrix(IReadOnlyList<int> rowPins, IReadOnlyList<int> columnPins)
    {
        lock (_lock)
        {
            _rowPins = rowPins.ToArray();
            _columnPins = columnPins.ToArray();
        }
    }

    public void Press(int rowPin, int columnPin)
    {
        lock (_lock)
        {
            _pressed.Add((rowPin, columnPin));
        }
    }

    public void Release(int rowPin, int columnPin)
    {
        lock (_lock)
        {
            _pressed.Remove((rowPin, columnPin));
        }
    }

    /// <summary>What an input outside the matrix reads (a switch to ground, a pull resistor…).</summary>
    public void SetInput(int pin, PinValue level)
    {
        lock (_lock)
        {
            _external[pin] = level;
        }
    }

    /// <summary>The level an output is driving now (its last write or initial value).</summary>
    public PinValue Output(int pin)
    {
        lock (_lock)
        {
            return _latched.GetValueOrDefault(pin, PinValue.Low);
        }
    }

    public PinMode Mode(int pin)
    {
        lock (_lock)
        {
            return _modes[pin];
        }
    }

    public bool IsOpen(int pin)
    {
        lock (_lock)
        {
            return _modes.ContainsKey(pin);
        }
    }

    protected override void OpenPin(int pinNumber)
    {
        lock (_lock)
        {
            _modes[pinNumber] = PinMode.Input;
        }
    }

    protected override void ClosePin(int pinNumber)
    {
        lock (_lock)
        {
            _modes.Remove(pinNumber);
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        lock (_lock)
        {
            _modes[pinNumber] = mode;
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue)
    {
        lock (_lock)
        {
            _modes[pinNumber] = mode;
            _latched[pinNumber] = initialValue;
        }
    }

    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_lock)
        {
            return _modes[pinNumber];
        }
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber)
    {
        lock (_lock)
        {
            if (Array.IndexOf(_columnPins, pinNumber) >= 0)
            {
                return ReadColumn(pinNumber);
            }

            return _external.GetValueOrDefault(pinNumber, PinValue.Low);
        }
    }

    protected override void Write(int pinNumber, PinValue value)
    {
        lock (_lock)
        {
            _latched[pinNumber] = value;
            _writes.Add((pinNumber, value));
        }
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The HAL polls; it never waits for pin events.");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        throw new NotSupportedException("The HAL polls; it never subscribes to pin events.");

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) =>
        throw new NotSupportedException("The HAL polls; it never subscribes to pin events.");

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }

    private PinValue ReadColumn(int columnPin)
    {
        var driven = _rowPins.Where(row => _modes.GetValueOrDefault(row) == PinMode.Output).ToArray();
        if (driven.Length > 1)
        {
            _faults.Add($"column {columnPin} read while rows {string.Join(", ", driven)} are all driven");
        }

        if (_modes.GetValueOrDefault(columnPin) != PinMode.InputPullUp)
        {
            _faults.Add($"column {columnPin} read without its pull-up ({_modes.GetValueOrDefault(columnPin)})");
        }

        var lowRows = driven.Where(row => _latched.GetValueOrDefault(row) == PinValue.Low);
        return Reachable(lowRows).Contains(columnPin) ? PinValue.Low : PinValue.High;
    }

    /// <summary>Every row and column pin joined to <paramref name="sources"/> through pressed keys.</summary>
    private HashSet<int> Reachable(IEnumerable<int> sources)
    {
        var seen = new HashSet<int>(sources);
        var queue = new Queue<int>(seen);
        while (queue.Count > 0)
        {
            int pin = queue.Dequeue();
            foreach (var (row, column) in _pressed)
            {
                int other = pin == row ? column : pin == column ? row : -1;
                if (other >= 0 && seen.Add(other))
                {
                    queue.Enqueue(other);
                }
            }
        }

        return seen;
    }
}
