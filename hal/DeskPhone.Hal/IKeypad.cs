namespace DeskPhone.Hal;

/// <summary>The keypad matrix and function keys, debounced inside the HAL.</summary>
public interface IKeypad
{
    /// <summary>
    /// Raised for every debounced key transition. THREAD: the HAL's input thread (the scan
    /// thread on hardware, the terminal or script thread in the simulator); handlers must only
    /// post the event to the phone loop and return.
    /// </summary>
    event Action<KeyEvent>? KeyChanged;
}
