using DeskPhone.Hal;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Phone.Tests.Calls;

/// <summary>The far end's keys, by RFC 4733 telephone-event or SIP INFO, played in the earpiece of the call on the handset.</summary>
public sealed class RemoteDigitTests : IDisposable
{
    private readonly PhoneTestRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task InfoDtmf_InConversation_IsAnswered200_AndPlayedInTheEarpiece()
    {
        var anna = await InConversationWithAnna();

        await rig.Receive(anna.Request(SipMethods.Info, "Signal=7\r\nDuration=160\r\n", (HeaderNames.ContentType, "application/dtmf-relay")));
        await rig.Receive(anna.Request(SipMethods.Info, "#", (HeaderNames.ContentType, "application/dtmf")));

        Assert.Equal(2, rig.Transport.Responses(200).Count(r => r.CSeq.Method == SipMethods.Info));
        Assert.Equal(['7', '#'], rig.Audio.RemoteDigits);
        Assert.StartsWith("Connected", rig.Screen);
    }

    [Fact]
    public async Task TelephoneEvent_InConversation_IsPlayedInTheEarpiece_FromTheSignallingLoop()
    {
        await InConversationWithAnna();

        rig.Audio.ReceiveDigit(1, '5');
        await rig.Drain();

        Assert.Equal(['5'], rig.Audio.RemoteDigits);
    }

    [Fact]
    public async Task KeysOfACallWeHold_AreAnsweredButNotPlayed()
    {
        var anna = await InConversationWithAnna();
        await rig.Press(PhoneKey.Hold);
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Invite).Single(), 200, "OK", "answer:recvonly"));

        await rig.Receive(anna.Request(SipMethods.Info, "Signal=1\r\n", (HeaderNames.ContentType, "application/dtmf-relay")));
        rig.Audio.ReceiveDigit(1, '2');
        await rig.Drain();

        Assert.Single(rig.Transport.Responses(200), r => r.CSeq.Method == SipMethods.Info);
        Assert.Empty(rig.Audio.RemoteDigits);
    }

    [Fact]
    public async Task MalformedInfoDtmf_Gets400_AndPlaysNothing()
    {
        var anna = await InConversationWithAnna();

        await rig.Receive(anna.Request(SipMethods.Info, "Signal=X\r\n", (HeaderNames.ContentType, "application/dtmf-relay")));

        Assert.Equal("Bad DTMF Body - Signal Not A DTMF Key", Assert.Single(rig.Transport.Responses(400)).ReasonPhrase);
        Assert.Empty(rig.Audio.RemoteDigits);
        Assert.StartsWith("Connected", rig.Screen);
    }

    private async Task<FarParty> InConversationWithAnna()
    {
        await rig.Start();
        await rig.Receive(Far.Invite());
        await rig.LiftHandset();
        await rig.Receive(FarParty.Anna(rig).Ack(5));
        return FarParty.Anna(rig);
    }
}
