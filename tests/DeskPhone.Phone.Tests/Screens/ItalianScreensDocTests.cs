using DeskPhone.Hal;
using DeskPhone.Phone.History;
using DeskPhone.Phone.Tests.Calls;
using DeskPhone.Phone.Tests.History;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Phone.Tests.Screens;

/// <summary>
/// docs/screens.md's section "Schermate in italiano" shows screens of the phone in its default
/// language exactly as the simulated LCD draws them: this walks through them on a fake clock and
/// fails, printing them, when that section lacks any.
/// </summary>
public sealed class ItalianScreensDocTests
{
    private const string Heading = "# Schermate in italiano";

    private static readonly DateTimeOffset Today = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    private readonly List<string> screens = [];

    [Fact]
    public async Task ScreensPage_ItalianSection_ShowsTheScreensAsTheSimulatorDrawsThem()
    {
        await IdleAndCall();
        await AttendedTransfer();
        await MessageAndHistory();

        var page = ScreensPage.Text();
        var start = page.IndexOf(Heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/screens.md has no section \"{Heading}\"");
        var section = page[start..];
        var missing = string.Join("\n", screens.Where(screen => !section.Contains(screen, StringComparison.Ordinal)));
        Assert.True(missing.Length == 0, $"docs/screens.md's \"{Heading}\" lacks these screens:\n\n" + missing);
    }

    private async Task IdleAndCall()
    {
        using var rig = ItalianRig();
        await ScreenWalks.StartRegistered(rig);
        Capture(rig);
        await rig.Receive(Far.Invite());
        Capture(rig);
        await rig.LiftHandset();
        var anna = FarParty.Anna(rig);
        await rig.Receive(anna.Ack(5));
        await rig.Advance(TimeSpan.FromSeconds(83));
        Capture(rig);
        await rig.Press(PhoneKey.Hold);
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Invite).Last(), 200, "OK", "answer:recvonly"));
        await rig.Advance(TimeSpan.FromSeconds(9));
        Capture(rig);
        await rig.Press(PhoneKey.Hold);
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Invite).Last(), 200, "OK", "answer"));
        await rig.Press(PhoneKey.More, PhoneKey.Ok);
        await rig.Type("35");
        Capture(rig);
        await rig.Press(PhoneKey.Back);
        await rig.Receive(anna.Request(SipMethods.Bye));
        Capture(rig);
    }

    private async Task AttendedTransfer()
    {
        using var rig = ItalianRig();
        await ScreenWalks.AttendedTransfer(rig, Capture);
    }

    private async Task MessageAndHistory()
    {
        var history = new CallHistory();
        history.Add(new CallRecord(CallRecordKind.Placed, "200", null, Today.AddDays(-1).AddHours(17), TimeSpan.FromSeconds(3725)));
        history.Add(new CallRecord(CallRecordKind.Received, "102", "Anna Rossi", Today.AddHours(9).AddMinutes(5), TimeSpan.FromSeconds(125)));
        history.Add(new CallRecord(CallRecordKind.Missed, "104", "Bruno Verdi", Today.AddHours(9).AddMinutes(20), TimeSpan.Zero));
        using var rig = new PhoneTestRig(history: history, options: new PhoneOptions());
        await ScreenWalks.StartRegistered(rig);
        await rig.Receive(Far.Message("Pranzo alle 13? Porto io il caffè dopo la riunione.", callId: "m1"));
        Capture(rig);
        await rig.Press(PhoneKey.Soft1);
        Capture(rig);
        await rig.Press(PhoneKey.End, PhoneKey.History);
        Capture(rig);
        await rig.Press(PhoneKey.Down, PhoneKey.Ok);
        Capture(rig);
    }

    /// <summary>The default options: Italian.</summary>
    private static PhoneTestRig ItalianRig() => new(options: new PhoneOptions());

    private void Capture(PhoneTestRig rig) => screens.Add(ScreensPage.Frame(rig));
}
