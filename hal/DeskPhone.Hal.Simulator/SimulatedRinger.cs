namespace DeskPhone.Hal.Simulator;

/// <summary>The ringer as a state a front-end shows and a test inspects.</summary>
public sealed class SimulatedRinger : IRinger
{
    private volatile bool _ringing;

    public bool IsRinging => _ringing;

    /// <summary>Raised with the new state when ringing starts or stops. THREAD: the caller's (the phone loop).</summary>
    public event Action<bool>? Changed;

    public void StartRinging() => Set(true);

    public void StopRinging() => Set(false);

    private void Set(bool ringing)
    {
        if (_ringing == ringing)
        {
            return;
        }

        _ringing = ringing;
        Changed?.Invoke(ringing);
    }
}
