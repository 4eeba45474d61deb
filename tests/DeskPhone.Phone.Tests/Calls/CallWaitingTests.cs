using System.Text;
using DeskPhone.Hal;
using DeskPhone.Media;
using DeskPhone.Phone.History;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Phone.Tests.Calls;

/// <summary>Call waiting: the tone and the caller on the screen, Take (holding the first call), End (486), Swap.</summary>
public sealed class CallWaitingTests : IDisposable
{
    private static readonly string BrunoInvite = FarParty.Invite("in-2", "104", "Bruno Verdi", "bruno");

    private readonly PhoneTestRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task SecondCall_PlaysTheWaitingToneAndShowsTheCaller_TakeAnswersItAndHoldsTheFirst()
    {
        await InConversationWithAnna();

        await rig.Receive(BrunoInvite);
        Assert.Single(rig.Transport.Responses(180), r => r.CallId == "in-2");
        Assert.Equal(CallProgressTone.CallWaiting, rig.Audio.Tone);
        Assert.False(rig.Hardware.Ringer.IsRinging);
        Assert.Equal(["Anna Rossi", "Waiting: Bruno Verdi", "Take            Busy"], Lines()[1..]);

        await rig.Press(PhoneKey.Soft1);
        Assert.Equal(CallProgressTone.None, rig.Audio.Tone);
        Assert.Equal("offer:SendOnly", Body(rig.Transport.Requests(SipMethods.Invite).Single(i => i.CallId == "in-1")));
        Assert.Single(rig.Transport.Responses(200), r => r.CallId == "in-2" && r.CSeq.Method == SipMethods.Invite);
        Assert.Equal("s2", rig.Audio.OnHandset);
        Assert.Equal(["Connected      00:00", "Bruno Verdi", "Held: Anna Rossi", "Swap      Mute   End"], Lines());
    }

    [Fact]
    public async Task EndKey_RefusesTheWaitingCallWith486_AndTheFirstCallGoesOn()
    {
        await InConversationWithAnna();
        await rig.Receive(BrunoInvite);

        await rig.Press(PhoneKey.End);

        Assert.Single(rig.Transport.Responses(486), r => r.CallId == "in-2");
        Assert.Empty(rig.Transport.Requests(SipMethods.Bye));
        Assert.Equal(CallProgressTone.None, rig.Audio.Tone);
        Assert.Equal(["Connected      00:00", "Anna Rossi", "102", "Hold Xfer Mute   End"], Lines());
        Assert.Contains(rig.Phone.History.Records, r => r.Kind == CallRecordKind.Missed && r.Number == "104");
    }

    [Fact]
    public async Task WaitingCallerGivesUp_TheToneStops()
    {
        await InConversationWithAnna();
        await rig.Receive(BrunoInvite);

        await rig.Receive(BrunoInvite.Replace("INVITE sip:", "CANCEL sip:").Replace("1 INVITE", "1 CANCEL"));

        Assert.Equal(CallProgressTone.None, rig.Audio.Tone);
        Assert.Null(rig.Phone.View.Other);
    }

    [Fact]
    public async Task Swap_HoldsOneAndResumesTheOther()
    {
        await InConversationWithAnna();
        await rig.Receive(BrunoInvite);
        await rig.Press(PhoneKey.Soft1);
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Invite).Single(i => i.CallId == "in-1"), 200, "OK", "answer:recvonly"));
        await rig.Receive(new FarParty("104", "in-2", "bruno", rig.Transport.Responses(200).Single(r => r.CallId == "in-2").To.Tag!).Ack(1));

        await rig.Press(PhoneKey.Soft1);

        Assert.Equal("offer:SendOnly", Body(rig.Transport.Requests(SipMethods.Invite).Single(i => i.CallId == "in-2")));
        Assert.Equal("offer", Body(rig.Transport.Requests(SipMethods.Invite).Last(i => i.CallId == "in-1")));
        Assert.Equal(["Anna Rossi", "Held: Bruno Verdi"], Lines()[1..3]);
    }

    [Fact]
    public async Task ActiveCallEnds_TheHeldOneStaysHeld_AndLiftingOrResumeBringsItBack()
    {
        await InConversationWithAnna();
        await rig.Receive(BrunoInvite);
        await rig.Press(PhoneKey.Soft1);
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Invite).Single(i => i.CallId == "in-1"), 200, "OK", "answer:recvonly"));

        await rig.Press(PhoneKey.End);

        Assert.Single(rig.Transport.Requests(SipMethods.Bye), b => b.CallId == "in-2");
        Assert.StartsWith("On hold", rig.Screen);
        Assert.Equal("Anna Rossi", Lines()[1]);

        await rig.Press(PhoneKey.Soft1);
        Assert.Equal("offer", Body(rig.Transport.Requests(SipMethods.Invite).Last(i => i.CallId == "in-1")));
    }

    [Fact]
    public async Task FirstCallEnds_TheWaitingCallRingsAsAnOrdinaryIncomingCall()
    {
        await InConversationWithAnna();
        await rig.Receive(BrunoInvite);

        await rig.Receive(FarParty.Anna(rig).Request(SipMethods.Bye));

        Assert.True(rig.Hardware.Ringer.IsRinging);
        Assert.Equal(["Incoming call", "Bruno Verdi", "Hung up by peer", "Answer        Reject"], Lines());
        await rig.Press(PhoneKey.Send);
        Assert.Single(rig.Transport.Responses(200), r => r.CallId == "in-2" && r.CSeq.Method == SipMethods.Invite);
    }

    [Fact]
    public async Task CallWaitingOff_SecondCallGets486()
    {
        using var off = new PhoneTestRig(options: new PhoneOptions { CallWaiting = false, Language = DisplayLanguage.En });
        await off.Start();
        await off.Receive(Far.Invite());
        await off.LiftHandset();

        await off.Receive(BrunoInvite);

        Assert.Single(off.Transport.Responses(486), r => r.CallId == "in-2");
        Assert.Equal(CallProgressTone.None, off.Audio.Tone);
    }

    private async Task InConversationWithAnna()
    {
        await rig.Start();
        await rig.Receive(Far.Invite());
        await rig.LiftHandset();
        await rig.Receive(FarParty.Anna(rig).Ack(5));
    }

    private static string Body(SipMessage message) => Encoding.ASCII.GetString(message.Body.Span);

    private string[] Lines() => [.. rig.Hardware.Screen.Lines.Select(l => l.TrimEnd())];
}
