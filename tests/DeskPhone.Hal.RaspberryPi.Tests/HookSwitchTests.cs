using System.Device.Gpio;
using Microsoft.Extensions.Time.Testing;

namespace DeskPhone.Hal.RaspberryPi.Tests;

public sealed class HookSwitchTests
{
    private const int Pin = 17;

    private readonly FakeGpioDriver _driver = new();
    private readonly FakeTimeProvider _time = new();
    private readonly List<bool> _events = [];

    private GpioHookSwitch Open(PinValue level, PinLevel offHookLevel = PinLevel.Low)
    {
        _driver.SetInput(Pin, level);
        var hook = new GpioHookSwitch(new GpioPort(new GpioController(_driver)), new HookSwitchOptions { Pin = Pin, OffHookLevel = offHookLevel }, _time);
        hook.Changed += _events.Add;
        return hook;
    }

    /// <summary>Holds <paramref name="level"/> for <paramref name="milliseconds"/>, polling every millisecond.</summary>
    private void Hold(GpioHookSwitch hook, PinValue level, int milliseconds)
    {
        _driver.SetInput(Pin, level);
        for (int ms = 0; ms < milliseconds; ms++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(1));
            hook.Poll();
        }
    }

    [Fact]
    public void Open_TakesThePinsLevelWithoutAnEvent()
    {
        var hook = Open(PinValue.Low);

        Assert.True(hook.IsOffHook);
        Assert.Empty(_events);
        Assert.Equal(PinMode.InputPullUp, _driver.Mode(Pin));
    }

    [Fact]
    public void Lift_WithBounce_RaisesOneChangeOnceTheLevelHeldThirtyMilliseconds()
    {
        var hook = Open(PinValue.High);

        foreach (var level in new[] { PinValue.Low, PinValue.High, PinValue.Low, PinValue.High, PinValue.Low, PinValue.High })
        {
            Hold(hook, level, 2);
        }

        // The first sample of the settled level comes 1 ms in; the change counts 30 ms after it.
        Hold(hook, PinValue.Low, 30);
        Assert.Empty(_events);
        Assert.False(hook.IsOffHook);

        Hold(hook, PinValue.Low, 1);
        Assert.Equal([true], _events);
        Assert.True(hook.IsOffHook);

        Hold(hook, PinValue.Low, 500);
        Assert.Single(_events);
    }

    [Fact]
    public void Glitch_ShorterThanTheDebounceTime_RaisesNothing()
    {
        var hook = Open(PinValue.High);

        Hold(hook, PinValue.Low, 25);
        Hold(hook, PinValue.High, 100);

        Assert.Empty(_events);
        Assert.False(hook.IsOffHook);
    }

    [Fact]
    public void LiftThenReplace_RaisesBothChanges()
    {
        var hook = Open(PinValue.High);

        Hold(hook, PinValue.Low, 100);
        Hold(hook, PinValue.High, 100);

        Assert.Equal([true, false], _events);
        Assert.False(hook.IsOffHook);
    }

    [Fact]
    public void OffHookLevelHigh_ReadsTheSwitchTheOtherWayRound()
    {
        var hook = Open(PinValue.Low, PinLevel.High);
        Assert.False(hook.IsOffHook);

        Hold(hook, PinValue.High, 40);

        Assert.Equal([true], _events);
    }
}
