namespace DeskPhone.Hal;

/// <summary>The LEDs. THREAD: called only from the phone loop.</summary>
public interface IIndicators
{
    void SetMessageWaiting(bool on);

    void SetLine(LineIndicator state);
}

public enum LineIndicator
{
    Off,
    On,
    Blinking,
}
