using Microsoft.Extensions.Time.Testing;

namespace DeskPhone.Hal.RaspberryPi.Tests;

public sealed class RingerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly FakePwmChannel _pwm = new(2000, 0.5);

    private PwmBuzzerRinger Buzzer(params int[] cadence) => new(_pwm, new RingCadence(cadence), _time);

    [Fact]
    public void Buzzer_Ringing_FollowsTheCadence()
    {
        var ringer = Buzzer(1000, 4000);

        ringer.StartRinging();
        Assert.True(_pwm.Running);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.True(_pwm.Running);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(_pwm.Running);
        _time.Advance(TimeSpan.FromMilliseconds(3999));
        Assert.False(_pwm.Running);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(_pwm.Running);
        Assert.True(ringer.IsRinging);
    }

    [Fact]
    public void Buzzer_DoubleRingCadence_GoesThroughEverySegment()
    {
        var ringer = Buzzer(400, 200, 400, 2000);
        var states = new List<bool>();

        ringer.StartRinging();
        foreach (int ms in new[] { 400, 200, 400, 2000, 400 })
        {
            states.Add(_pwm.Running);
            _time.Advance(TimeSpan.FromMilliseconds(ms));
        }

        Assert.Equal([true, false, true, false, true], states);
    }

    [Fact]
    public void Buzzer_Stop_SilencesAtOnceAndForGood()
    {
        var ringer = Buzzer(1000, 4000);
        ringer.StartRinging();
        _time.Advance(TimeSpan.FromMilliseconds(500));

        ringer.StopRinging();
        Assert.False(_pwm.Running);
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.False(_pwm.Running);
        Assert.False(ringer.IsRinging);
    }

    [Fact]
    public void Buzzer_RestartedMidCadence_StartsTheCadenceAfresh()
    {
        var ringer = Buzzer(1000, 4000);
        ringer.StartRinging();
        _time.Advance(TimeSpan.FromMilliseconds(900));
        ringer.StopRinging();

        ringer.StartRinging();
        _time.Advance(TimeSpan.FromMilliseconds(200));

        Assert.True(_pwm.Running);
    }

    [Fact]
    public void Buzzer_Dispose_StopsAndReleasesThePwmChannel()
    {
        var ringer = Buzzer(1000, 4000);
        ringer.StartRinging();

        ringer.Dispose();

        Assert.False(_pwm.Running);
        Assert.True(_pwm.Disposed);
    }
}
