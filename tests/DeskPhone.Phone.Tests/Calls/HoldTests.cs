using DeskPhone.Hal;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Phone.Tests.Calls;

/// <summary>Hold and resume (user guide "Attesa"; RFC 3264 §8.4), from our side and from the peer's.</summary>
public sealed class HoldTests : IDisposable
{
    private readonly PhoneTestRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task HoldKey_OffersSendonly_ShowsOnHoldWithItsTimer_PressAgainResumes()
    {
        await InConversationWithAnna();

        await rig.Press(PhoneKey.Hold);
        var hold = rig.Transport.Requests(SipMethods.Invite).Single();
        Assert.Equal("offer:SendOnly", System.Text.Encoding.ASCII.GetString(hold.Body.Span));
        Assert.Equal("in-1", hold.CallId);
        Assert.Null(rig.Audio.OnHandset);
        await rig.Receive(Far.Reply(hold, 200, "OK", "answer:recvonly"));
        Assert.Single(rig.Transport.Requests(SipMethods.Ack));

        await rig.Advance(TimeSpan.FromSeconds(12));
        Assert.Equal(["On hold        00:12", "Anna Rossi", "102", "Resume           End"], Lines());
        Assert.Equal(LineIndicator.Blinking, rig.Hardware.Indicators.Line);

        await rig.Press(PhoneKey.Hold);
        var resume = rig.Transport.Requests(SipMethods.Invite).Last();
        Assert.Equal("offer", System.Text.Encoding.ASCII.GetString(resume.Body.Span));
        await rig.Receive(Far.Reply(resume, 200, "OK", "answer"));

        Assert.Equal("s1", rig.Audio.OnHandset);
        Assert.StartsWith("Connected", rig.Screen);
        Assert.Equal(LineIndicator.On, rig.Hardware.Indicators.Line);
    }

    [Fact]
    public async Task HoldPressedAgainWhileTheReInviteIsOnItsWay_SendsNothingMore()
    {
        await InConversationWithAnna();

        await rig.Press(PhoneKey.Hold, PhoneKey.Hold, PhoneKey.Soft1);

        Assert.Single(rig.Transport.Requests(SipMethods.Invite));
        Assert.StartsWith("On hold", rig.Screen);
    }

    [Fact]
    public async Task HoldRefusedByThePeer_StaysInConversation_AndSaysSo()
    {
        await InConversationWithAnna();

        await rig.Press(PhoneKey.Hold);
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Invite).Single(), 488, "Not Acceptable Here"));

        Assert.StartsWith("Connected", rig.Screen);
        Assert.Equal("Hold failed 488", Lines()[2]);
        Assert.Equal("s1", rig.Audio.OnHandset);
    }

    [Fact]
    public async Task PeerHoldsUs_IsShown_AndItsResumeIsFollowed()
    {
        await InConversationWithAnna();
        var anna = FarParty.Anna(rig);

        await rig.Receive(anna.Request(SipMethods.Invite, "sendonly"));
        var answer = rig.Transport.Responses(200).Last();
        Assert.Equal("answer:RecvOnly", System.Text.Encoding.ASCII.GetString(answer.Body.Span));
        Assert.StartsWith("Held by peer", rig.Screen);

        await rig.Receive(anna.Request(SipMethods.Invite, "sendrecv"));
        Assert.Equal("answer", System.Text.Encoding.ASCII.GetString(rig.Transport.Responses(200).Last().Body.Span));
        Assert.StartsWith("Connected", rig.Screen);
        Assert.Equal("s1", rig.Audio.OnHandset);
    }

    [Fact]
    public async Task HoldingAPeerThatHoldsUs_OffersInactive()
    {
        await InConversationWithAnna();
        await rig.Receive(FarParty.Anna(rig).Request(SipMethods.Invite, "sendonly"));

        await rig.Press(PhoneKey.Hold);

        Assert.Equal("offer:Inactive", System.Text.Encoding.ASCII.GetString(rig.Transport.Requests(SipMethods.Invite).Single().Body.Span));
    }

    [Fact]
    public async Task HandsetDownWhileOnHold_KeepsTheCallHeld_LiftingResumes()
    {
        await InConversationWithAnna();
        await rig.Press(PhoneKey.Hold);
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Invite).Single(), 200, "OK", "answer:recvonly"));

        await rig.ReplaceHandset();
        Assert.Empty(rig.Transport.Requests(SipMethods.Bye));
        Assert.StartsWith("On hold", rig.Screen);

        await rig.LiftHandset();
        Assert.Equal("offer", System.Text.Encoding.ASCII.GetString(rig.Transport.Requests(SipMethods.Invite).Last().Body.Span));
    }

    [Fact]
    public async Task MuteKey_SilencesTheMicrophone_AndTheScreenSaysSo()
    {
        await InConversationWithAnna();

        await rig.Press(PhoneKey.Mute);
        Assert.True(rig.Audio.Muted);
        Assert.StartsWith("Muted", rig.Screen);

        await rig.Press(PhoneKey.Soft3);
        Assert.False(rig.Audio.Muted);
        Assert.StartsWith("Connected", rig.Screen);
    }

    private async Task InConversationWithAnna()
    {
        await rig.Start();
        await rig.Receive(Far.Invite());
        await rig.LiftHandset();
        await rig.Receive(FarParty.Anna(rig).Ack(5));
    }

    private string[] Lines() => [.. rig.Hardware.Screen.Lines.Select(l => l.TrimEnd())];
}
