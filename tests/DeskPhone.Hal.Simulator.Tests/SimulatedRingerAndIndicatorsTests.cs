using DeskPhone.Hal.Simulator;

namespace DeskPhone.Hal.Simulator.Tests;

public sealed class SimulatedRingerAndIndicatorsTests
{
    [Fact]
    public void Ringer_KeepsStateAndRaisesChangedOnlyOnChange()
    {
        var ringer = new SimulatedRinger();
        var seen = new List<bool>();
        ringer.Changed += seen.Add;

        ringer.StartRinging();
        ringer.StartRinging();
        Assert.True(ringer.IsRinging);
        ringer.StopRinging();

        Assert.False(ringer.IsRinging);
        Assert.Equal([true, false], seen);
    }

    [Fact]
    public void Indicators_KeepStateAndRaiseChangedOnlyOnChange()
    {
        var leds = new SimulatedIndicators();
        int changes = 0;
        leds.Changed += () => changes++;

        leds.SetLine(LineIndicator.Blinking);
        leds.SetLine(LineIndicator.Blinking);
        leds.SetMessageWaiting(true);
        leds.SetMessageWaiting(true);

        Assert.Equal(LineIndicator.Blinking, leds.Line);
        Assert.True(leds.MessageWaiting);
        Assert.Equal(2, changes);
    }
}
