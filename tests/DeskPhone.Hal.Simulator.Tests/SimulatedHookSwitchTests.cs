using DeskPhone.Hal.Simulator;

namespace DeskPhone.Hal.Simulator.Tests;

public sealed class SimulatedHookSwitchTests
{
    [Fact]
    public void SetOffHook_RaisesChangedOnlyWhenStateChanges()
    {
        var hook = new SimulatedHookSwitch();
        var seen = new List<bool>();
        hook.Changed += seen.Add;

        hook.SetOffHook(false);
        hook.SetOffHook(true);
        hook.SetOffHook(true);
        hook.SetOffHook(false);

        Assert.Equal([true, false], seen);
        Assert.False(hook.IsOffHook);
    }

    [Fact]
    public void Toggle_AlternatesBetweenLiftedAndReplaced()
    {
        var hook = new SimulatedHookSwitch();
        var seen = new List<bool>();
        hook.Changed += seen.Add;

        hook.Toggle();
        Assert.True(hook.IsOffHook);
        hook.Toggle();

        Assert.False(hook.IsOffHook);
        Assert.Equal([true, false], seen);
    }

    [Fact]
    public void Changed_IsRaisedOnTheCallingThread()
    {
        var hook = new SimulatedHookSwitch();
        int raisedOn = -1;
        hook.Changed += _ => raisedOn = Environment.CurrentManagedThreadId;

        hook.SetOffHook(true);

        Assert.Equal(Environment.CurrentManagedThreadId, raisedOn);
    }
}
