namespace DeskPhone.Hal.Simulator;

/// <summary>
/// The keypad, pressed by a front-end or a test. A simulated press has no duration, so each
/// press is a Down immediately followed by an Up.
/// </summary>
public sealed class SimulatedKeypad : IKeypad
{
    /// <summary>THREAD: the thread that called <see cref="Press"/>, <see cref="LongPress"/> or <see cref="Type"/>.</summary>
    public event Action<KeyEvent>? KeyChanged;

    /// <summary>Raises Down then Up for <paramref name="key"/>.</summary>
    public void Press(PhoneKey key)
    {
        Raise(key, KeyAction.Down);
        Raise(key, KeyAction.Up);
    }

    /// <summary>
    /// Raises Down, LongPress, Up: what the hardware reports when a key is held past the
    /// long-press threshold, which a front-end has no other way to produce.
    /// </summary>
    public void LongPress(PhoneKey key)
    {
        Raise(key, KeyAction.Down);
        Raise(key, KeyAction.LongPress);
        Raise(key, KeyAction.Up);
    }

    /// <summary>
    /// Presses the key of each character of <paramref name="dialString"/> in order.
    /// Only "0"–"9", "*" and "#" are allowed; the whole string is checked before any key is
    /// pressed, so a bad string presses nothing.
    /// </summary>
    /// <exception cref="ArgumentException">A character is not a dial character.</exception>
    public void Type(string dialString)
    {
        ArgumentNullException.ThrowIfNull(dialString);
        foreach (char c in dialString)
        {
            if (!TryGetDialKey(c, out _))
            {
                throw new ArgumentException($"'{c}' is not a dial character (0-9, *, #).", nameof(dialString));
            }
        }

        foreach (char c in dialString)
        {
            TryGetDialKey(c, out PhoneKey key);
            Press(key);
        }
    }

    /// <summary>The key that dials <paramref name="c"/> ('0'–'9', '*', '#').</summary>
    public static bool TryGetDialKey(char c, out PhoneKey key)
    {
        switch (c)
        {
            case >= '0' and <= '9':
                key = PhoneKey.Digit0 + (c - '0');
                return true;
            case '*':
                key = PhoneKey.Star;
                return true;
            case '#':
                key = PhoneKey.Pound;
                return true;
            default:
                key = default;
                return false;
        }
    }

    private void Raise(PhoneKey key, KeyAction action) => KeyChanged?.Invoke(new KeyEvent(key, action));
}
