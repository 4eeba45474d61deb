namespace DeskPhone.Hal.RaspberryPi;

/// <summary>
/// Turns bouncing samples of one contact into clean transitions: a new reading counts once it
/// has held, sample after sample, for the debounce time. Any sample that goes back to the
/// accepted state restarts the wait, so a burst of bounces produces nothing.
/// </summary>
internal struct Debouncer
{
    private readonly long _holdTicks;
    private bool _pending;
    private long _pendingSince;

    /// <param name="holdTicks">The debounce time in <see cref="TimeProvider.GetTimestamp"/> ticks.</param>
    public Debouncer(bool initial, long holdTicks)
    {
        State = initial;
        _holdTicks = holdTicks;
        _pending = false;
        _pendingSince = 0;
    }

    /// <summary>The accepted (debounced) state.</summary>
    public bool State { get; private set; }

    /// <summary>Takes a sample; true when it completes a transition, after which <see cref="State"/> is the new state.</summary>
    public bool Sample(bool reading, long now)
    {
        if (reading == State)
        {
            _pending = false;
            return false;
        }

        if (!_pending)
        {
            _pending = true;
            _pendingSince = now;
        }

        if (now - _pendingSince < _holdTicks)
        {
            return false;
        }

        State = reading;
        _pending = false;
        return true;
    }

    /// <summary>The debounce time in ticks of <paramref name="time"/>'s timestamps.</summary>
    public static long Ticks(TimeProvider time, int milliseconds) => time.TimestampFrequency * milliseconds / 1000;
}
