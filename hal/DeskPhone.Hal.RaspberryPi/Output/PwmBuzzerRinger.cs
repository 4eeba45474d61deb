using System.Device.Pwm;

namespace DeskPhone.Hal.RaspberryPi;

/// <summary>
/// A piezo buzzer on a hardware PWM channel, switched on and off by the cadence. The PWM block
/// makes the tone; a timer of the injected clock switches the segments.
/// </summary>
internal sealed class PwmBuzzerRinger : IRinger, IDisposable
{
    private readonly PwmChannel _pwm;
    private readonly RingCadence _cadence;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private int _segment;
    private int _generation;
    private volatile bool _ringing;

    /// <param name="pwm">Created with the ring frequency and duty cycle, stopped.</param>
    public PwmBuzzerRinger(PwmChannel pwm, RingCadence cadence, TimeProvider time)
    {
        _pwm = pwm;
        _cadence = cadence;
        _time = time;
    }

    public bool IsRinging => _ringing;

    /// <summary>THREAD: the phone loop.</summary>
    public void StartRinging()
    {
        lock (_lock)
        {
            if (_ringing)
            {
                return;
            }

            _ringing = true;
            _segment = 0;
            _pwm.Start();
            _timer = _time.CreateTimer(OnSegmentEnd, ++_generation, _cadence.Duration(0), Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>THREAD: the phone loop.</summary>
    public void StopRinging()
    {
        lock (_lock)
        {
            if (!_ringing)
            {
                return;
            }

            _ringing = false;
            _generation++;
            _timer?.Dispose();
            _timer = null;
            _pwm.Stop();
        }
    }

    public void Dispose()
    {
        StopRinging();
        _pwm.Dispose();
    }

    /// <summary>THREAD: a timer callback of the injected clock.</summary>
    private void OnSegmentEnd(object? generation)
    {
        lock (_lock)
        {
            // A callback already queued when ringing stopped (or restarted) belongs to the old ring.
            if (!_ringing || (int)generation! != _generation)
            {
                return;
            }

            _segment = _cadence.Next(_segment);
            if (RingCadence.Rings(_segment))
            {
                _pwm.Start();
            }
            else
            {
                _pwm.Stop();
            }

            _timer!.Change(_cadence.Duration(_segment), Timeout.InfiniteTimeSpan);
        }
    }
}
