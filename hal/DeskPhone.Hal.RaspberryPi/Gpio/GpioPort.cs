using System.Device.Gpio;

namespace DeskPhone.Hal.RaspberryPi;

/// <summary>
/// The one GPIO controller every device shares. The scan thread, the phone loop and timer
/// callbacks all reach pins through it; System.Device.Gpio does not promise that a controller
/// takes calls from several threads at once, so each call holds a lock (microseconds; nothing on
/// the audio thread touches GPIO).
/// </summary>
internal sealed class GpioPort : IDisposable
{
    private readonly GpioController _controller;
    private readonly Lock _lock = new();

    public GpioPort(GpioController controller)
    {
        _controller = controller;
    }

    public void OpenInput(int pin, PinPull pull)
    {
        lock (_lock)
        {
            _controller.OpenPin(pin, InputMode(pull));
        }
    }

    /// <summary>Opens <paramref name="pin"/> as an input without pull, the high-impedance state of an idle matrix row.</summary>
    public void OpenFloating(int pin) => OpenInput(pin, PinPull.None);

    public void OpenOutput(int pin, PinValue initial)
    {
        lock (_lock)
        {
            _controller.OpenPin(pin, PinMode.Output, initial);
        }
    }

    /// <summary>Drives <paramref name="pin"/> low (a matrix row being scanned).</summary>
    public void DriveLow(int pin)
    {
        lock (_lock)
        {
            _controller.SetPinMode(pin, PinMode.Output);
            _controller.Write(pin, PinValue.Low);
        }
    }

    /// <summary>Stops driving <paramref name="pin"/>: it becomes a plain input, high impedance.</summary>
    public void Release(int pin)
    {
        lock (_lock)
        {
            _controller.SetPinMode(pin, PinMode.Input);
        }
    }

    public bool IsHigh(int pin)
    {
        lock (_lock)
        {
            return _controller.Read(pin) == PinValue.High;
        }
    }

    public void Write(int pin, bool high)
    {
        lock (_lock)
        {
            _controller.Write(pin, high ? PinValue.High : PinValue.Low);
        }
    }

    /// <summary>Closes every pin (the controller sets them back to inputs) and the driver.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _controller.Dispose();
        }
    }

    private static PinMode InputMode(PinPull pull) => pull switch
    {
        PinPull.Up => PinMode.InputPullUp,
        PinPull.Down => PinMode.InputPullDown,
        _ => PinMode.Input,
    };
}
