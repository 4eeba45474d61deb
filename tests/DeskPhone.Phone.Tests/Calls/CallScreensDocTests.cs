using DeskPhone.Hal;
using DeskPhone.Phone.Tests.History;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Phone.Tests.Calls;

/// <summary>
/// docs/screens.md shows the call screens (hold, transfer, call waiting, Do Not Disturb) exactly as
/// the simulated LCD draws them: this walks through the flows on a fake clock and fails, printing
/// what is missing, when the page no longer matches.
/// </summary>
public sealed class CallScreensDocTests
{
    private readonly List<string> screens = [];

    [Fact]
    public async Task ScreensPage_ShowsEveryCallScreenAsTheSimulatorDrawsIt()
    {
        await HoldAndBlindTransfer();
        await AttendedTransfer();
        await CallWaitingAndDoNotDisturb();

        var missing = ScreensPage.Missing(screens);
        Assert.True(missing.Length == 0, "docs/screens.md lacks these screens:\n\n" + missing);
    }

    private async Task HoldAndBlindTransfer()
    {
        using var rig = new PhoneTestRig();
        await ScreenWalks.InConversationWithAnna(rig);
        var anna = FarParty.Anna(rig);
        await rig.Advance(TimeSpan.FromSeconds(83));
        Capture(rig);
        await rig.Press(PhoneKey.Hold);
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Invite).Last(), 200, "OK", "answer:recvonly"));
        await rig.Advance(TimeSpan.FromSeconds(9));
        Capture(rig);
        await rig.Press(PhoneKey.Hold);
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Invite).Last(), 200, "OK", "answer"));
        await rig.Press(PhoneKey.Mute);
        Capture(rig);
        await rig.Press(PhoneKey.Mute);
        await rig.Receive(anna.Request(SipMethods.Invite, "sendonly"));
        Capture(rig);
        await rig.Receive(anna.Request(SipMethods.Invite, "sendrecv"));
        await rig.Press(PhoneKey.More);
        Capture(rig);
        await rig.Press(PhoneKey.Ok);
        await rig.Type("35");
        Capture(rig);
        await rig.Press(PhoneKey.Send);
        Capture(rig);
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Refer).Single(), 202, "Accepted"));
        await rig.Receive(anna.Notify(486, "Busy Here", final: true));
        Capture(rig);
        await rig.Press(PhoneKey.Soft2);
        await rig.Type("36");
        await rig.Press(PhoneKey.Send);
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Refer).Last(), 202, "Accepted"));
        await rig.Receive(anna.Notify(200, "OK", final: true));
        Capture(rig);
    }

    private async Task AttendedTransfer()
    {
        using (var rig = new PhoneTestRig())
        {
            await ScreenWalks.AttendedTransfer(rig, Capture);
        }

        using var back = new PhoneTestRig();
        await ScreenWalks.InConversationWithAnna(back);
        await back.Type("*235#");
        await back.Receive(Far.Reply(back.Transport.Requests(SipMethods.Invite).Single(i => i.CallId == "in-1"), 200, "OK", "answer:recvonly"));
        await back.Advance(TimeSpan.FromSeconds(30));
        await back.Receive(Far.Reply(back.Transport.Requests(SipMethods.Invite).First(i => i.CallId != "in-1"), 487, "Request Terminated"));
        Capture(back);
    }

    private async Task CallWaitingAndDoNotDisturb()
    {
        using var rig = new PhoneTestRig();
        await ScreenWalks.InConversationWithAnna(rig);
        await rig.Receive(FarParty.Invite("in-2", "104", "Bruno Verdi", "bruno"));
        Capture(rig);
        await rig.Press(PhoneKey.Soft1);
        Capture(rig);

        using var idle = new PhoneTestRig();
        await ScreenWalks.StartRegistered(idle);
        await idle.Press(PhoneKey.More);
        Capture(idle);
        await idle.Press(PhoneKey.Ok);
        Capture(idle);
    }

    private void Capture(PhoneTestRig rig) => screens.Add(ScreensPage.Frame(rig));
}
