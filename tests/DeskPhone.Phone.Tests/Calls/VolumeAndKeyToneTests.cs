using DeskPhone.Hal;
using DeskPhone.Media;

namespace DeskPhone.Phone.Tests.Calls;

/// <summary>The earpiece volume keys and the key feedback tones.</summary>
public sealed class VolumeAndKeyToneTests : IDisposable
{
    private readonly PhoneTestRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task VolumeKeys_StepTheEarpiece_WithinItsRange_AndShowTheLevelDuringACall()
    {
        await rig.Start();
        await rig.Receive(Far.Invite());
        await rig.LiftHandset();

        await rig.Press(PhoneKey.VolumeUp);
        Assert.Equal(AudioEngine.DefaultVolume + 1, rig.Audio.Volume);
        Assert.Equal("Volume ######--", rig.Hardware.Screen.Lines[2].TrimEnd());

        await rig.Press(PhoneKey.VolumeUp, PhoneKey.VolumeUp, PhoneKey.VolumeUp, PhoneKey.VolumeUp);
        Assert.Equal(AudioEngine.VolumeSteps, rig.Audio.Volume);

        for (var i = 0; i < 10; i++)
        {
            await rig.Press(PhoneKey.VolumeDown);
        }

        Assert.Equal(1, rig.Audio.Volume);
        Assert.Equal("Volume #-------", rig.Hardware.Screen.Lines[2].TrimEnd());

        await rig.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal("102", rig.Hardware.Screen.Lines[2].TrimEnd());
    }

    [Fact]
    public async Task KeysPressedWithTheHandsetLifted_GiveFeedbackTones_OnHookNone()
    {
        await rig.Start();
        await rig.Type("1");
        Assert.Empty(rig.Audio.KeyTones);

        await rig.Press(PhoneKey.End);
        await rig.LiftHandset();
        await rig.Type("20");

        Assert.Equal([PhoneKey.Digit2, PhoneKey.Digit0], rig.Audio.KeyTones);
    }
}
