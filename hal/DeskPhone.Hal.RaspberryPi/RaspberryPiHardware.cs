using System.Device.Gpio;
using System.Device.Gpio.Drivers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeskPhone.Hal.RaspberryPi;

/// <summary>
/// The phone's real parts on a Raspberry Pi: hook switch and keypad matrix on GPIO (scanned by
/// the "HAL input" thread), the 20×4 LCD on I²C, the handset codec and optionally a ringer
/// speaker on ALSA, a PWM buzzer, and two LEDs.
/// </summary>
public sealed class RaspberryPiHardware : IPhoneHardware
{
    private readonly Stack<IDisposable> _owned;

    private RaspberryPiHardware(
        IHookSwitch hook,
        IKeypad keypad,
        ICharacterDisplay display,
        AlsaAudioDevice audio,
        IRinger ringer,
        IIndicators indicators,
        Stack<IDisposable> owned)
    {
        HookSwitch = hook;
        Keypad = keypad;
        Display = display;
        Audio = audio;
        Ringer = ringer;
        Indicators = indicators;
        _owned = owned;
    }

    public IHookSwitch HookSwitch { get; }

    public IKeypad Keypad { get; }

    public ICharacterDisplay Display { get; }

    /// <summary>The handset codec; also reports xruns and latency.</summary>
    public AlsaAudioDevice Audio { get; }

    public IRinger Ringer { get; }

    public IIndicators Indicators { get; }

    IAudioDevice IPhoneHardware.Audio => Audio;

    /// <summary>
    /// Opens every part and starts the input thread. A missing or refused device is an expected
    /// failure, returned as one line naming the configuration key to look at ("Hal:Gpio: …").
    /// </summary>
    /// <param name="options">Should have passed <see cref="RaspberryPiOptions.Validate"/>; if not, its first problems are the error.</param>
    /// <param name="timeProvider">Times debouncing, long presses, the ring cadence and LED blinking.</param>
    public static (RaspberryPiHardware? Hardware, string? Error) Open(RaspberryPiOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null) =>
        Open(options, PiDevices.System, loggerFactory ?? NullLoggerFactory.Instance, timeProvider ?? TimeProvider.System);

    internal static (RaspberryPiHardware? Hardware, string? Error) Open(RaspberryPiOptions options, PiDevices devices, ILoggerFactory loggers, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> problems = options.Validate();
        if (problems.Count > 0)
        {
            return (null, string.Join("; ", problems));
        }

        var owned = new Stack<IDisposable>();
        var (hardware, error) = Build(options, devices, loggers, time, owned);
        if (hardware is null)
        {
            while (owned.Count > 0)
            {
                owned.Pop().Dispose();
            }
        }

        return (hardware, error);
    }

    /// <summary>Stops the input thread, audio and ringer, blanks the LCD, switches the LEDs off and releases every pin.</summary>
    public void Dispose()
    {
        while (_owned.Count > 0)
        {
            _owned.Pop().Dispose();
        }
    }

    private static (RaspberryPiHardware?, string?) Build(RaspberryPiOptions options, PiDevices devices, ILoggerFactory loggers, TimeProvider time, Stack<IDisposable> owned)
    {
        var (gpio, error) = OpenGpio(options.Gpio, devices);
        if (gpio is null)
        {
            return (null, error);
        }

        owned.Push(gpio);
        GpioHookSwitch hook;
        GpioKeypad keypad;
        GpioIndicators indicators;
        try
        {
            hook = new GpioHookSwitch(gpio, options.Hook, time);
            var layout = KeyLayout.Parse(options.Keypad.EffectiveKeys, "Hal:Keypad:Keys", [])!;
            var scanner = new KeyMatrixScanner(gpio, options.Keypad.EffectiveRowPins, options.Keypad.EffectiveColumnPins, options.Keypad.SettleMicroseconds);
            keypad = new GpioKeypad(scanner, layout, options.Keypad, time);
            indicators = new GpioIndicators(gpio, options.Leds, time);
            owned.Push(indicators);
        }
        catch (Exception e) when (IsGpioFailure(e))
        {
            return (null, $"Hal:Gpio: cannot set up the pins: {e.Message}");
        }

        (var display, error) = OpenDisplay(options.Display, options.DisplayAddress!.Value, devices, loggers.CreateLogger<RaspberryPiHardware>());
        if (display is null)
        {
            return (null, error);
        }

        owned.Push(display);
        (var audio, error) = OpenAudio(options.Audio, devices, loggers.CreateLogger<AlsaAudioDevice>());
        if (audio is null)
        {
            return (null, error);
        }

        owned.Push(audio);
        (var ringer, error) = OpenRinger(options.Ringer, devices, time, loggers.CreateLogger<SpeakerRinger>());
        if (ringer is null)
        {
            return (null, error);
        }

        if (ringer is IDisposable disposableRinger)
        {
            owned.Push(disposableRinger);
        }

        var scan = new InputScanThread(hook, keypad, TimeSpan.FromMilliseconds(options.Keypad.ScanIntervalMilliseconds), loggers.CreateLogger<InputScanThread>());
        scan.Start();
        owned.Push(scan);
        return (new RaspberryPiHardware(hook, keypad, display, audio, ringer, indicators, owned), null);
    }

    private static (GpioPort?, string?) OpenGpio(GpioOptions options, PiDevices devices)
    {
        string chip = Path.Combine(devices.DeviceDirectory, $"gpiochip{options.Chip ?? 0}");
        string key = options.Chip is null ? "Hal:Gpio" : "Hal:Gpio:Chip";
        if (!File.Exists(chip))
        {
            return (null, $"{key}: {chip} not found: this machine has no GPIO there (run on a Raspberry Pi, pick the chip `gpiodetect` lists, or set Hal:Kind to Simulator)");
        }

        try
        {
            return (new GpioPort(devices.OpenGpio(options.Chip)), null);
        }
        catch (Exception e) when (IsGpioFailure(e))
        {
            return (null, $"{key}: cannot open the GPIO controller for {chip}: {e.Message}");
        }
    }

    private static (Hd44780Display?, string?) OpenDisplay(DisplayOptions options, int address, PiDevices devices, ILogger logger)
    {
        string bus = Path.Combine(devices.DeviceDirectory, $"i2c-{options.I2cBus}");
        if (!File.Exists(bus))
        {
            return (null, $"Hal:Display:I2cBus: {bus} not found (enable I2C: raspi-config, or dtparam=i2c_arm=on in config.txt)");
        }

        try
        {
            return (new Hd44780Display(() => LcdConnection.Open(devices.OpenI2c(options.I2cBus, address)), options.Rom, logger), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"Hal:Display:Address: no LCD answers at 0x{address:X2} on {bus} ({e.Message}); `i2cdetect -y {options.I2cBus}` lists the addresses in use");
        }
    }

    private static (AlsaAudioDevice?, string?) OpenAudio(AudioOptions options, PiDevices devices, ILogger logger)
    {
        var format = new AudioFormat(options.SampleRate, options.SampleRate * options.FrameMilliseconds / 1000);
        int period = options.SampleRate * options.PeriodMilliseconds / 1000;
        int buffer = period * options.BufferPeriods;
        var (capture, error) = devices.OpenPcm(options.CaptureDevice, true, options.SampleRate, period, buffer, 1);
        if (capture is null)
        {
            return (null, $"Hal:Audio:CaptureDevice: {error}");
        }

        int prefill = AlsaAudioDevice.PrefillFrames(format, period);
        var (playback, playbackError) = devices.OpenPcm(options.PlaybackDevice, false, options.SampleRate, period, buffer, prefill);
        if (playback is null)
        {
            capture.Dispose();
            return (null, $"Hal:Audio:PlaybackDevice: {playbackError}");
        }

        // The playback buffer is fullest right after the cushion is queued; it must hold it.
        if (playback.BufferFrames < prefill)
        {
            capture.Dispose();
            playback.Dispose();
            return (null, $"Hal:Audio:BufferPeriods: the playback device gave a {playback.BufferFrames}-frame buffer, too small for the {prefill}-frame cushion");
        }

        return (new AlsaAudioDevice(format, capture, playback, options.RealtimePriority, logger), null);
    }

    private static (IRinger?, string?) OpenRinger(RingerOptions options, PiDevices devices, TimeProvider time, ILogger logger)
    {
        var cadence = new RingCadence(options.EffectiveCadence);
        switch (options.Kind)
        {
            case RingerKind.Buzzer:
                try
                {
                    var pwm = devices.OpenPwm(options.PwmChip, options.PwmChannel, options.FrequencyHz, options.DutyCyclePercent / 100.0);
                    return (new PwmBuzzerRinger(pwm, cadence, time), null);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or PlatformNotSupportedException)
                {
                    return (null, $"Hal:Ringer:PwmChip: cannot open PWM chip {options.PwmChip} channel {options.PwmChannel} ({e.Message}); add dtoverlay=pwm,pin=12,func=4 to config.txt, or set Hal:Ringer:Kind");
                }

            case RingerKind.Alsa:
                int period = SpeakerRinger.SampleRate / 50;
                var (pcm, error) = devices.OpenPcm(options.AlsaDevice, false, SpeakerRinger.SampleRate, period, period * 4, period);
                return pcm is null
                    ? (null, $"Hal:Ringer:AlsaDevice: {error}")
                    : (new SpeakerRinger(pcm, cadence, options.FrequencyHz, logger), null);
            default:
                return (new SilentRinger(), null);
        }
    }

    private static bool IsGpioFailure(Exception e) =>
        e is IOException or UnauthorizedAccessException or PlatformNotSupportedException or GpiodException;
}
