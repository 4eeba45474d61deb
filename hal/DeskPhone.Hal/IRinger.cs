namespace DeskPhone.Hal;

/// <summary>The ringer. THREAD: called only from the phone loop.</summary>
public interface IRinger
{
    bool IsRinging { get; }

    void StartRinging();

    void StopRinging();
}
