using DeskPhone.Hal.Simulator;

namespace DeskPhone.Hal.Simulator.Tests;

public sealed class TerminalRendererTests
{
    [Fact]
    public void Render_DrawsTheLcdInABoxWithTheHardwareState()
    {
        using var hardware = new SimulatedHardware(new SimulatorOptions());
        hardware.Screen.Show(["Incoming call", "Alice"]);
        hardware.Hook.SetOffHook(true);
        hardware.Ringer.StartRinging();
        hardware.Indicators.SetLine(LineIndicator.Blinking);

        string frame = TerminalRenderer.Render(hardware, 80);

        Assert.StartsWith(TerminalRenderer.Home, frame);
        Assert.Contains("┌" + new string('─', 20) + "┐", frame);
        Assert.Contains("Incoming call       ", frame);
        Assert.Contains("Alice               ", frame);
        Assert.Contains("OFF HOOK", frame);
        Assert.Contains("RINGING", frame);
        Assert.Contains("blinking", frame);
        Assert.Contains("Earpiece: none", frame);
        Assert.Contains("Enter=Send", frame);
    }
}
