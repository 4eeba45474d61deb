using DeskPhone.Configuration;
using DeskPhone.Hal;
using DeskPhone.Hal.RaspberryPi;
using DeskPhone.Hal.Simulator;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Hosting;

/// <summary>Opens the hardware that Hal:Kind selects. The only place the host names a concrete HAL's devices.</summary>
internal static class HardwareFactory
{
    /// <summary>The opened devices, or null and one line saying which one is missing.</summary>
    public static (IPhoneHardware? Hardware, string? Error) Open(DeskPhoneSettings settings, ILoggerFactory loggers, TimeProvider time)
    {
        if (settings.Hal.Kind == HardwareKind.RaspberryPi)
        {
            var (hardware, error) = RaspberryPiHardware.Open(settings.Hal, loggers, time);
            return (hardware, error);
        }

        return (new SimulatedHardware(settings.Simulator, loggers, time), null);
    }
}
