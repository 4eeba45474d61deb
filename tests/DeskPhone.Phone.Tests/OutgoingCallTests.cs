using DeskPhone.Hal;
using DeskPhone.Hal.Simulator;
using DeskPhone.Media;
using DeskPhone.Phone.History;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Phone.Tests;

public sealed class OutgoingCallTests : IDisposable
{
    private readonly PhoneTestRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task LiftHandset_PlaysDialToneUntilTheFirstDigit()
    {
        await rig.Start();
        await rig.LiftHandset();
        Assert.Equal(CallProgressTone.Dial, rig.Audio.Tone);
        Assert.StartsWith("Dial", rig.Screen);

        await rig.Type("2");
        Assert.Equal(CallProgressTone.None, rig.Audio.Tone);
        Assert.Contains("2_", rig.Screen);
    }

    [Fact]
    public async Task DialWithPound_RingsThenConnectsWithTimerThenHangsUpOnHook()
    {
        await rig.Start();
        await rig.LiftHandset();
        await rig.Type("200#");
        var invite = rig.Transport.Requests(SipMethods.Invite).Single();
        Assert.Equal("sip:200@pbx", invite.RequestUri);
        Assert.Equal("offer"u8.ToArray(), invite.Body.ToArray());
        Assert.StartsWith("Calling", rig.Screen);
        Assert.Equal(LineIndicator.Blinking, rig.Hardware.Indicators.Line);

        await rig.Receive(Far.Reply(invite, 180, "Ringing"));
        Assert.StartsWith("Ringing", rig.Screen);
        Assert.Equal(CallProgressTone.Ringback, rig.Audio.Tone);

        await rig.Receive(Far.Reply(invite, 200, "OK", "far-answer"));
        Assert.Equal(["answer:far-answer", "connect"], rig.Audio.Steps);
        Assert.Equal(CallProgressTone.None, rig.Audio.Tone);
        Assert.Single(rig.Transport.Requests(SipMethods.Ack));
        Assert.StartsWith("Connected      00:00", rig.Screen);

        await rig.Advance(TimeSpan.FromSeconds(65));
        Assert.StartsWith("Connected      01:05", rig.Screen);

        await rig.ReplaceHandset();
        Assert.Single(rig.Transport.Requests(SipMethods.Bye));
        Assert.StartsWith("Ext 101", rig.Screen);
        var record = rig.Phone.History.Records.Single();
        Assert.Equal(CallRecordKind.Placed, record.Kind);
        Assert.Equal(TimeSpan.FromSeconds(65), record.Duration);
    }

    [Fact]
    public async Task Digits_AfterInterDigitTimeout_AreDialled()
    {
        await rig.Start();
        await rig.LiftHandset();
        await rig.Type("20");
        await rig.Advance(TimeSpan.FromSeconds(3));
        await rig.Type("0");
        await rig.Advance(TimeSpan.FromSeconds(3.9));
        Assert.Empty(rig.Transport.Requests(SipMethods.Invite));

        await rig.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal("sip:200@pbx", rig.Transport.Requests(SipMethods.Invite).Single().RequestUri);
    }

    [Fact]
    public async Task Busy_ShowsBusyAndPlaysBusyToneWhileTheHandsetIsUp()
    {
        await rig.Start();
        await rig.LiftHandset();
        await rig.Type("200");
        await rig.Press(PhoneKey.Send);
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Invite).Single(), 486, "Busy Here"));

        Assert.Contains("Busy", rig.Screen);
        Assert.Equal(CallProgressTone.Busy, rig.Audio.Tone);

        await rig.ReplaceHandset();
        Assert.Equal(CallProgressTone.None, rig.Audio.Tone);
        Assert.StartsWith("Ext 101", rig.Screen);
    }

    [Fact]
    public async Task UnknownNumber_SaysNumberNotFound()
    {
        await rig.Start();
        await rig.LiftHandset();
        await rig.Type("999#");
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Invite).Single(), 404, "Not Found"));

        Assert.Contains("Number not found", rig.Screen);
        Assert.Equal(CallProgressTone.Congestion, rig.Audio.Tone);
    }

    [Fact]
    public async Task EndKey_WhileRinging_CancelsTheCall()
    {
        await rig.Start();
        await rig.LiftHandset();
        await rig.Type("200#");
        var invite = rig.Transport.Requests(SipMethods.Invite).Single();
        await rig.Receive(Far.Reply(invite, 180, "Ringing"));

        await rig.Press(PhoneKey.End);

        Assert.Single(rig.Transport.Requests(SipMethods.Cancel));
        Assert.Equal(["dispose"], rig.Audio.Steps);
    }
}
