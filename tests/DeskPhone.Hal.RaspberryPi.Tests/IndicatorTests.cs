using System.Device.Gpio;
using Microsoft.Extensions.Time.Testing;

namespace DeskPhone.Hal.RaspberryPi.Tests;

public sealed class IndicatorTests
{
    private const int MessagePin = 27;
    private const int LinePin = 22;

    private readonly FakeGpioDriver _driver = new();
    private readonly FakeTimeProvider _time = new();

    private GpioIndicators Open(bool activeLow = false) =>
        new(new GpioPort(new GpioController(_driver)), new LedOptions { MessageWaitingPin = MessagePin, LinePin = LinePin, ActiveLow = activeLow, BlinkMilliseconds = 500 }, _time);

    [Fact]
    public void Open_BothLedsStartOff()
    {
        Open();

        Assert.Equal(PinMode.Output, _driver.Mode(MessagePin));
        Assert.Equal(PinValue.Low, _driver.Output(MessagePin));
        Assert.Equal(PinValue.Low, _driver.Output(LinePin));
    }

    [Fact]
    public void SetMessageWaiting_LightsAndDarkensItsLed()
    {
        var leds = Open();

        leds.SetMessageWaiting(true);
        Assert.Equal(PinValue.High, _driver.Output(MessagePin));
        leds.SetMessageWaiting(false);

        Assert.Equal(PinValue.Low, _driver.Output(MessagePin));
    }

    [Fact]
    public void ActiveLow_LitLedDrivesThePinLow()
    {
        var leds = Open(activeLow: true);
        Assert.Equal(PinValue.High, _driver.Output(LinePin));

        leds.SetLine(LineIndicator.On);

        Assert.Equal(PinValue.Low, _driver.Output(LinePin));
    }

    [Fact]
    public void SetLineBlinking_TogglesEveryHalfPeriod()
    {
        var leds = Open();
        var seen = new List<PinValue>();

        leds.SetLine(LineIndicator.Blinking);
        for (int tick = 0; tick < 4; tick++)
        {
            seen.Add(_driver.Output(LinePin));
            _time.Advance(TimeSpan.FromMilliseconds(500));
        }

        Assert.Equal([PinValue.High, PinValue.Low, PinValue.High, PinValue.Low], seen);
    }

    [Fact]
    public void SetLineOn_AfterBlinking_StaysLit()
    {
        var leds = Open();
        leds.SetLine(LineIndicator.Blinking);
        _time.Advance(TimeSpan.FromMilliseconds(500));

        leds.SetLine(LineIndicator.On);
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(PinValue.High, _driver.Output(LinePin));
    }

    [Fact]
    public void Dispose_SwitchesBothLedsOff()
    {
        var leds = Open();
        leds.SetMessageWaiting(true);
        leds.SetLine(LineIndicator.Blinking);

        leds.Dispose();
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(PinValue.Low, _driver.Output(MessagePin));
        Assert.Equal(PinValue.Low, _driver.Output(LinePin));
    }
}
