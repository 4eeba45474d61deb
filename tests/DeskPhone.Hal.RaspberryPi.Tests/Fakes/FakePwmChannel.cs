using System.Device.Pwm;

namespace DeskPhone.Hal.RaspberryPi.Tests;

/// <summary>A PWM channel that only remembers whether it is running.</summary>
internal sealed class FakePwmChannel(int frequency, double dutyCycle) : PwmChannel
{
    public override int Frequency { get; set; } = frequency;

    public override double DutyCycle { get; set; } = dutyCycle;

    public bool Running { get; private set; }

    public bool Disposed { get; private set; }

    public override void Start() => Running = true;

    public override void Stop() => Running = false;

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
