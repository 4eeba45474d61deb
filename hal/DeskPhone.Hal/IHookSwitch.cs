namespace DeskPhone.Hal;

/// <summary>The handset cradle switch, debounced inside the HAL.</summary>
public interface IHookSwitch
{
    /// <summary>True while the handset is lifted.</summary>
    bool IsOffHook { get; }

    /// <summary>
    /// Raised with the new state (true = off hook) after each debounced change. THREAD: the
    /// HAL's input thread; handlers must only post to the phone loop and return.
    /// </summary>
    event Action<bool>? Changed;
}
