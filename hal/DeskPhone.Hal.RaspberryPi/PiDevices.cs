using System.Device.Gpio;
using System.Device.Gpio.Drivers;
using System.Device.I2c;
using System.Device.Pwm;

namespace DeskPhone.Hal.RaspberryPi;

/// <summary>
/// Where <see cref="RaspberryPiHardware.Open(RaspberryPiOptions, Microsoft.Extensions.Logging.ILoggerFactory?, TimeProvider?)"/>
/// gets its devices: the real ones by default, fakes in tests.
/// </summary>
internal sealed class PiDevices
{
    /// <summary>Where the device nodes are looked for before opening them, for clear messages.</summary>
    public required string DeviceDirectory { get; init; }

    /// <summary>Opens the GPIO controller: default driver selection, or libgpiod on the given chip.</summary>
    public required Func<int?, GpioController> OpenGpio { get; init; }

    /// <summary>Opens (bus, address).</summary>
    public required Func<int, int, I2cDevice> OpenI2c { get; init; }

    /// <summary>Opens (device, capture, rate, period frames, buffer frames, start threshold).</summary>
    public required Func<string, bool, int, int, int, int, (IPcmStream? Pcm, string? Error)> OpenPcm { get; init; }

    /// <summary>Opens (chip, channel, frequency Hz, duty cycle 0–1).</summary>
    public required Func<int, int, int, double, PwmChannel> OpenPwm { get; init; }

    public static PiDevices System { get; } = new()
    {
        DeviceDirectory = "/dev",
        OpenGpio = chip => chip is int number
            ? new GpioController(new LibGpiodDriver(number))
            : new GpioController(),
        OpenI2c = (bus, address) => I2cDevice.Create(new I2cConnectionSettings(bus, address)),
        OpenPcm = (device, capture, rate, period, buffer, start) => AlsaPcm.Open(device, capture, rate, period, buffer, start),
        OpenPwm = PwmChannel.Create,
    };
}
