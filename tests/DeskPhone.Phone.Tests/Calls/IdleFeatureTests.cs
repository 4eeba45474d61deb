using DeskPhone.Hal;
using DeskPhone.Phone.History;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Phone.Tests.Calls;

/// <summary>Do Not Disturb from the More menu, and Redial with Send.</summary>
public sealed class IdleFeatureTests : IDisposable
{
    private readonly PhoneTestRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task DoNotDisturb_FromTheMoreMenu_IsShown_AndCallsGet486WithoutRinging()
    {
        await rig.Start();

        await rig.Press(PhoneKey.More);
        Assert.Equal([">Do not disturb  Off", string.Empty, string.Empty, "Select          Back"], Lines());
        await rig.Press(PhoneKey.Ok);
        Assert.EndsWith("DND", Lines()[1]);

        await rig.Receive(Far.Invite());

        Assert.Single(rig.Transport.Responses(486));
        Assert.False(rig.Hardware.Ringer.IsRinging);
        Assert.Equal(CallRecordKind.Missed, rig.Phone.History.Records.Single().Kind);
        Assert.Contains("1 missed call", rig.Screen);

        await rig.Press(PhoneKey.More);
        await rig.Press(PhoneKey.Digit1);
        Assert.DoesNotContain("DND", Lines()[1]);
        await rig.Receive(FarParty.Invite("in-2", "104", "Bruno Verdi", "bruno"));
        Assert.True(rig.Hardware.Ringer.IsRinging);
    }

    [Fact]
    public async Task DoNotDisturb_CanAnswer480()
    {
        using var away = new PhoneTestRig(options: new PhoneOptions { DoNotDisturbAnswer = DoNotDisturbAnswer.TemporarilyUnavailable, Language = DisplayLanguage.En });
        await away.Start();
        await away.Press(PhoneKey.More, PhoneKey.Ok);

        await away.Receive(Far.Invite());

        Assert.Single(away.Transport.Responses(480));
    }

    [Fact]
    public async Task SendOnTheIdleScreen_CallsTheLastNumberAgain()
    {
        await rig.Start();
        await rig.LiftHandset();
        await rig.Type("200#");
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Invite).Single(), 486, "Busy Here"));
        await rig.ReplaceHandset();
        await rig.Advance(TimeSpan.FromSeconds(5));

        await rig.Press(PhoneKey.Send);

        Assert.Equal(2, rig.Transport.Requests(SipMethods.Invite).Count(i => i.RequestUri == "sip:200@pbx"));
        Assert.StartsWith("Calling", rig.Screen);
    }

    [Fact]
    public async Task SendWithoutAnythingDialledEver_UsesTheHistory()
    {
        var history = new CallHistory();
        history.Add(new CallRecord(CallRecordKind.Placed, "305", "Carla", new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(1)));
        using var withHistory = new PhoneTestRig(history: history);
        await withHistory.Start();

        await withHistory.LiftHandset();
        await withHistory.Press(PhoneKey.Send);

        Assert.Equal("sip:305@pbx", withHistory.Transport.Requests(SipMethods.Invite).Single().RequestUri);
    }

    private string[] Lines() => [.. rig.Hardware.Screen.Lines.Select(l => l.TrimEnd())];
}
