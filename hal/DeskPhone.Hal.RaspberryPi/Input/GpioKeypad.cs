namespace DeskPhone.Hal.RaspberryPi;

/// <summary>
/// The keypad matrix: each scan is checked for ghosts, then every key is debounced on its own
/// and held keys raise LongPress once.
/// </summary>
internal sealed class GpioKeypad : IKeypad
{
    private readonly KeyMatrixScanner _scanner;
    private readonly TimeProvider _time;
    private readonly int _rows;
    private readonly long _longPressTicks;
    private readonly int[] _bits;
    private readonly PhoneKey[] _keys;
    private readonly Debouncer[] _debouncers;
    private readonly long[] _downSince;
    private readonly bool[] _longPressRaised;
    private ulong _accepted;

    public GpioKeypad(KeyMatrixScanner scanner, KeyLayout layout, KeypadOptions options, TimeProvider time)
    {
        _scanner = scanner;
        _time = time;
        _rows = layout.Rows;
        _longPressTicks = Debouncer.Ticks(time, options.LongPressMilliseconds);
        var positions = new List<(int Bit, PhoneKey Key)>();
        for (int row = 0; row < layout.Rows; row++)
        {
            for (int column = 0; column < layout.Columns; column++)
            {
                if (layout[row, column] is PhoneKey key)
                {
                    positions.Add((KeyMatrixScanner.Bit(row, column), key));
                }
            }
        }

        _bits = positions.Select(p => p.Bit).ToArray();
        _keys = positions.Select(p => p.Key).ToArray();
        long debounceTicks = Debouncer.Ticks(time, options.DebounceMilliseconds);
        _debouncers = Enumerable.Repeat(new Debouncer(false, debounceTicks), _keys.Length).ToArray();
        _downSince = new long[_keys.Length];
        _longPressRaised = new bool[_keys.Length];
    }

    /// <summary>
    /// Raised for every debounced Down and Up, and once for LongPress while a key stays down.
    /// THREAD: the HAL input thread ("HAL input"); handlers must only post to the phone loop.
    /// </summary>
    public event Action<KeyEvent>? KeyChanged;

    /// <summary>Reads the matrix once and raises what changed. THREAD: the HAL input thread only.</summary>
    public void Scan()
    {
        _accepted = GhostFilter.Accept(_scanner.Read(), _accepted, _rows);
        long now = _time.GetTimestamp();
        for (int i = 0; i < _keys.Length; i++)
        {
            bool down = (_accepted & (1UL << _bits[i])) != 0;
            if (_debouncers[i].Sample(down, now))
            {
                _downSince[i] = now;
                _longPressRaised[i] = false;
                Raise(_keys[i], down ? KeyAction.Down : KeyAction.Up);
            }
            else if (_debouncers[i].State && !_longPressRaised[i] && now - _downSince[i] >= _longPressTicks)
            {
                _longPressRaised[i] = true;
                Raise(_keys[i], KeyAction.LongPress);
            }
        }
    }

    private void Raise(PhoneKey key, KeyAction action) => KeyChanged?.Invoke(new KeyEvent(key, action));
}
