namespace DeskPhone.Hal;

public enum KeyAction
{
    Down,
    Up,
    /// <summary>Raised once while a key stays down past the long-press threshold.</summary>
    LongPress,
}

/// <summary>One debounced key transition.</summary>
public readonly record struct KeyEvent(PhoneKey Key, KeyAction Action);
