namespace DeskPhone.Hal.RaspberryPi;

/// <summary>The cradle switch ("Hal:Hook"). Pins are BCM numbers.</summary>
public sealed class HookSwitchOptions
{
    public int Pin { get; set; } = 17;

    /// <summary>
    /// The level the pin reads while the handset is lifted. Low by default: the switch closes to
    /// ground when the handset is lifted, so a broken wire reads "on hook" and the phone still rings.
    /// </summary>
    public PinLevel OffHookLevel { get; set; } = PinLevel.Low;

    public PinPull Pull { get; set; } = PinPull.Up;

    /// <summary>How long a new level must hold before it counts; a leaf switch bounces for 5–20 ms.</summary>
    public int DebounceMilliseconds { get; set; } = 30;
}
