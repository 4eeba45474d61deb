using System.Device.Gpio;

namespace DeskPhone.Hal.RaspberryPi;

/// <summary>The message-waiting and line LEDs on GPIO outputs; the line LED blinks on a timer of the injected clock.</summary>
internal sealed class GpioIndicators : IIndicators, IDisposable
{
    private readonly GpioPort _gpio;
    private readonly int _messagePin;
    private readonly int _linePin;
    private readonly bool _activeLow;
    private readonly TimeSpan _blinkHalfPeriod;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private ITimer? _blinkTimer;
    private int _generation;
    private bool _lineLit;

    /// <summary>Opens both pins as outputs, LEDs off.</summary>
    public GpioIndicators(GpioPort gpio, LedOptions options, TimeProvider time)
    {
        _gpio = gpio;
        _messagePin = options.MessageWaitingPin;
        _linePin = options.LinePin;
        _activeLow = options.ActiveLow;
        _blinkHalfPeriod = TimeSpan.FromMilliseconds(options.BlinkMilliseconds);
        _time = time;
        PinValue dark = _activeLow ? PinValue.High : PinValue.Low;
        gpio.OpenOutput(_messagePin, dark);
        gpio.OpenOutput(_linePin, dark);
    }

    /// <summary>THREAD: the phone loop.</summary>
    public void SetMessageWaiting(bool on) => Light(_messagePin, on);

    /// <summary>THREAD: the phone loop.</summary>
    public void SetLine(LineIndicator state)
    {
        lock (_lock)
        {
            _generation++;
            _blinkTimer?.Dispose();
            _blinkTimer = null;
            _lineLit = state != LineIndicator.Off;
            Light(_linePin, _lineLit);
            if (state == LineIndicator.Blinking)
            {
                _blinkTimer = _time.CreateTimer(Blink, _generation, _blinkHalfPeriod, _blinkHalfPeriod);
            }
        }
    }

    /// <summary>Stops blinking and switches both LEDs off.</summary>
    public void Dispose()
    {
        SetLine(LineIndicator.Off);
        SetMessageWaiting(false);
    }

    /// <summary>THREAD: a timer callback of the injected clock.</summary>
    private void Blink(object? generation)
    {
        lock (_lock)
        {
            // A tick already queued when the state changed belongs to the old state.
            if ((int)generation! != _generation)
            {
                return;
            }

            _lineLit = !_lineLit;
            Light(_linePin, _lineLit);
        }
    }

    private void Light(int pin, bool on) => _gpio.Write(pin, on != _activeLow);
}
