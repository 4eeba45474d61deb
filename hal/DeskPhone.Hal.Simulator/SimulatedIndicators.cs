namespace DeskPhone.Hal.Simulator;

/// <summary>The LEDs as state a front-end shows and a test inspects.</summary>
public sealed class SimulatedIndicators : IIndicators
{
    private volatile bool _messageWaiting;
    private volatile LineIndicator _line;

    public bool MessageWaiting => _messageWaiting;

    public LineIndicator Line => _line;

    /// <summary>Raised when any LED changes. THREAD: the caller's (the phone loop).</summary>
    public event Action? Changed;

    public void SetMessageWaiting(bool on)
    {
        if (_messageWaiting == on)
        {
            return;
        }

        _messageWaiting = on;
        Changed?.Invoke();
    }

    public void SetLine(LineIndicator state)
    {
        if (_line == state)
        {
            return;
        }

        _line = state;
        Changed?.Invoke();
    }
}
