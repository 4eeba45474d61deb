namespace DeskPhone.Hal.RaspberryPi;

/// <summary>The ringer of a phone built without one: it only keeps the state.</summary>
internal sealed class SilentRinger : IRinger
{
    private volatile bool _ringing;

    public bool IsRinging => _ringing;

    public void StartRinging() => _ringing = true;

    public void StopRinging() => _ringing = false;
}
