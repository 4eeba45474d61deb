namespace DeskPhone.Hal.RaspberryPi;

/// <summary>The cradle switch on a GPIO input, debounced by sampling from the HAL input thread.</summary>
internal sealed class GpioHookSwitch : IHookSwitch
{
    private readonly GpioPort _gpio;
    private readonly int _pin;
    private readonly bool _offHookHigh;
    private readonly TimeProvider _time;
    private Debouncer _debouncer;
    private volatile bool _offHook;

    /// <summary>Opens the pin and takes its level as the starting state, without raising an event.</summary>
    public GpioHookSwitch(GpioPort gpio, HookSwitchOptions options, TimeProvider time)
    {
        _gpio = gpio;
        _pin = options.Pin;
        _offHookHigh = options.OffHookLevel == PinLevel.High;
        _time = time;
        gpio.OpenInput(_pin, options.Pull);
        _offHook = ReadOffHook();
        _debouncer = new Debouncer(_offHook, Debouncer.Ticks(time, options.DebounceMilliseconds));
    }

    public bool IsOffHook => _offHook;

    /// <summary>
    /// Raised with the new state (true = off hook) once a change has held for the debounce time.
    /// THREAD: the HAL input thread ("HAL input"); handlers must only post to the phone loop.
    /// </summary>
    public event Action<bool>? Changed;

    /// <summary>Reads the pin once. THREAD: the HAL input thread only.</summary>
    public void Poll()
    {
        if (_debouncer.Sample(ReadOffHook(), _time.GetTimestamp()))
        {
            _offHook = _debouncer.State;
            Changed?.Invoke(_debouncer.State);
        }
    }

    private bool ReadOffHook() => _gpio.IsHigh(_pin) == _offHookHigh;
}
