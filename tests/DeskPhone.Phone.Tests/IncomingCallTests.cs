using DeskPhone.Hal;
using DeskPhone.Media;
using DeskPhone.Phone.History;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Phone.Tests;

public sealed class IncomingCallTests : IDisposable
{
    private readonly PhoneTestRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task IncomingCall_RingsAndShowsTheCaller_LiftingAnswers()
    {
        await rig.Start();
        await rig.Receive(Far.Invite());

        Assert.True(rig.Hardware.Ringer.IsRinging);
        Assert.Single(rig.Transport.Responses(180));
        Assert.Equal(["Incoming call", "Anna Rossi", "102", "Answer        Reject"], rig.Hardware.Screen.Lines.Select(l => l.TrimEnd()));

        await rig.LiftHandset();

        Assert.False(rig.Hardware.Ringer.IsRinging);
        var ok = rig.Transport.Responses(200).Single();
        Assert.Equal("answer"u8.ToArray(), ok.Body.ToArray());
        Assert.Equal(["offer:remote-offer", "connect"], rig.Audio.Steps);
        Assert.StartsWith("Connected", rig.Screen);
        Assert.Equal(LineIndicator.On, rig.Hardware.Indicators.Line);
    }

    [Fact]
    public async Task ByeFromPeer_EndsTheCallThenReturnsToIdleWithoutTone()
    {
        await rig.Start();
        await rig.Receive(Far.Invite());
        await rig.LiftHandset();
        var toTag = rig.Transport.Responses(200).Single().To.Tag!;

        await rig.Receive(Far.InDialog(SipMethods.Bye, toTag, 6));

        Assert.Contains("Hung up by peer", rig.Screen);
        Assert.Equal(CallProgressTone.None, rig.Audio.Tone);
        Assert.Contains("dispose", rig.Audio.Steps);

        await rig.Advance(TimeSpan.FromSeconds(3));
        Assert.StartsWith("Ext 101", rig.Screen);
        Assert.Equal(CallProgressTone.None, rig.Audio.Tone);
        Assert.Equal(CallRecordKind.Received, rig.Phone.History.Records.Single().Kind);
    }

    [Fact]
    public async Task CallerCancels_StopsRingingAndLogsAMissedCall()
    {
        await rig.Start();
        await rig.Receive(Far.Invite());

        await rig.Receive(Far.Cancel());

        Assert.False(rig.Hardware.Ringer.IsRinging);
        Assert.Single(rig.Transport.Responses(487));
        Assert.Contains("1 missed call", rig.Screen);
        var missed = rig.Phone.History.Records.Single();
        Assert.Equal(CallRecordKind.Missed, missed.Kind);
        Assert.Equal("102", missed.Number);
        Assert.Equal("Anna Rossi", missed.Name);
    }

    [Fact]
    public async Task OfferWithoutCommonCodec_IsRejectedWith488WithoutRinging()
    {
        rig.Audio.RefuseOffers = true;
        await rig.Start();
        await rig.Receive(Far.Invite());

        Assert.Single(rig.Transport.Responses(488));
        Assert.False(rig.Hardware.Ringer.IsRinging);
    }

    [Fact]
    public async Task SecondCall_WhileBusy_GetsBusyHere()
    {
        await rig.Start();
        await rig.LiftHandset();
        await rig.Type("200#");

        await rig.Receive(Far.Invite());

        Assert.Single(rig.Transport.Responses(486));
        Assert.StartsWith("Calling", rig.Screen);
    }
}
