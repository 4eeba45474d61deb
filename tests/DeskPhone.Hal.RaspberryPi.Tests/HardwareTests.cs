using System.Device.Gpio;
using System.Device.I2c;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeskPhone.Hal.RaspberryPi.Tests;

/// <summary>The whole Pi hardware opened over fake GPIO, I²C and PWM devices and ALSA's null plugin.</summary>
[Collection(AlsaCollection.Name)]
public sealed class HardwareTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly string _dev = Directory.CreateTempSubdirectory("deskphone-dev-").FullName;
    private readonly FakeGpioDriver _gpio = new();
    private readonly RecordingI2cDevice _bus = new();
    private readonly FakePwmChannel _pwm = new(2000, 0.5);

    public HardwareTests()
    {
        _gpio.WireMatrix(KeypadDefaults.RowPins, KeypadDefaults.ColumnPins);
        _gpio.SetInput(17, PinValue.High);
    }

    public void Dispose() => Directory.Delete(_dev, recursive: true);

    [Fact]
    public void Open_OnAMachineWithoutGpio_FailsWithOneLineNamingHalGpio()
    {
        var (hardware, error) = Open(Options());

        Assert.Null(hardware);
        Assert.Equal(
            $"Hal:Gpio: {_dev}/gpiochip0 not found: this machine has no GPIO there (run on a Raspberry Pi, pick the chip `gpiodetect` lists, or set Hal:Kind to Simulator)",
            error);
    }

    [Fact]
    public void Open_WithoutTheI2cBus_FailsNamingItAndReleasesTheGpio()
    {
        Touch("gpiochip0");

        var (hardware, error) = Open(Options());

        Assert.Null(hardware);
        Assert.StartsWith($"Hal:Display:I2cBus: {_dev}/i2c-1 not found", error);
        Assert.True(_gpio.Disposed);
    }

    [Fact]
    public void Open_NoLcdAtTheAddress_FailsNamingTheAddressKey()
    {
        Touch("gpiochip0", "i2c-1");
        _bus.FailNextWrite = new IOException("Remote I/O error");

        var (hardware, error) = Open(Options());

        Assert.Null(hardware);
        Assert.StartsWith("Hal:Display:Address: no LCD answers at 0x27 on ", error);
        Assert.True(_gpio.Disposed);
    }

    [Fact]
    public void Open_MissingSoundDevice_FailsNamingTheAudioKeyAndReleasesTheRest()
    {
        Touch("gpiochip0", "i2c-1");
        var options = Options();
        options.Audio.CaptureDevice = "no-such-handset";

        var (hardware, error) = Open(options);

        Assert.Null(hardware);
        Assert.StartsWith("Hal:Audio:CaptureDevice: cannot open ALSA capture device 'no-such-handset': ", error);
        Assert.True(_gpio.Disposed);
        Assert.True(_bus.Disposed);
    }

    [Fact]
    public void Open_InvalidOptions_FailsWithTheValidationProblem()
    {
        Touch("gpiochip0", "i2c-1");
        var options = Options();
        options.Keypad.RowPins = [4, 5];

        var (hardware, error) = Open(options);

        Assert.Null(hardware);
        Assert.Equal("Hal:Keypad:RowPins: must have 6 entries (one per row of Hal:Keypad:Keys), got 2", error);
    }

    [Fact]
    public async Task Open_AllPartsPresent_TheInputThreadRaisesKeysAndHook()
    {
        Touch("gpiochip0", "i2c-1");
        var (hardware, error) = Open(Options());
        Assert.True(hardware is not null, error);
        using var opened = hardware;
        var key = new TaskCompletionSource<(KeyEvent Event, string? Thread)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var hook = new TaskCompletionSource<(bool OffHook, string? Thread)>(TaskCreationOptions.RunContinuationsAsynchronously);
        hardware.Keypad.KeyChanged += e => key.TrySetResult((e, Thread.CurrentThread.Name));
        hardware.HookSwitch.Changed += offHook => hook.TrySetResult((offHook, Thread.CurrentThread.Name));

        _gpio.Press(KeypadDefaults.RowPins[5], KeypadDefaults.ColumnPins[0]);
        _gpio.SetInput(17, PinValue.Low);

        Assert.Equal((new KeyEvent(PhoneKey.Send, KeyAction.Down), "HAL input"), await key.Task.WaitAsync(Patience));
        Assert.Equal((true, "HAL input"), await hook.Task.WaitAsync(Patience));
        Assert.Equal(new AudioFormat(16000, 320), hardware.Audio.Format);
    }

    [Fact]
    public void Open_AllPartsPresent_DrivesTheLcdRingerAndLeds()
    {
        Touch("gpiochip0", "i2c-1");
        var (hardware, error) = Open(Options());
        Assert.True(hardware is not null, error);
        var lcd = new Hd44780Emulator();

        hardware.Display.Show(["Ext 101", "Registered"]);
        hardware.Ringer.StartRinging();
        hardware.Indicators.SetMessageWaiting(true);
        lcd.Feed(_bus.Since(0));

        Assert.Equal("Registered          ", lcd.Text(1));
        Assert.True(_pwm.Running);
        Assert.Equal(PinValue.High, _gpio.Output(27));

        hardware.Dispose();

        Assert.True(_gpio.Disposed);
        Assert.True(_pwm.Disposed);
        Assert.True(_bus.Disposed);
        Assert.Equal(PinValue.Low, _gpio.Output(27));
    }

    private static RaspberryPiOptions Options() => new()
    {
        Keypad = { SettleMicroseconds = 0, DebounceMilliseconds = 5 },
        Hook = { DebounceMilliseconds = 5 },
        Audio = { CaptureDevice = "sink", PlaybackDevice = "sink" },
    };

    private (RaspberryPiHardware? Hardware, string? Error) Open(RaspberryPiOptions options)
    {
        var devices = new PiDevices
        {
            DeviceDirectory = _dev,
            OpenGpio = _ => new GpioController(_gpio),
            OpenI2c = (_, _) => _bus,
            OpenPcm = (device, capture, rate, period, buffer, start) => AlsaPcm.Open(device, capture, rate, period, buffer, start),
            OpenPwm = (_, _, _, _) => _pwm,
        };
        return RaspberryPiHardware.Open(options, devices, NullLoggerFactory.Instance, TimeProvider.System);
    }

    private void Touch(params string[] nodes)
    {
        foreach (string node in nodes)
        {
            File.WriteAllText(Path.Combine(_dev, node), string.Empty);
        }
    }
}
