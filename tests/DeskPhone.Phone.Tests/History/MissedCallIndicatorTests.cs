using DeskPhone.Hal;
using DeskPhone.Phone.History;

namespace DeskPhone.Phone.Tests.History;

/// <summary>
/// Missed calls on the idle screen and the message-waiting LED, which they share with unread
/// messages: the LED is lit while either is waiting, and looking at the history puts out its part.
/// </summary>
public sealed class MissedCallIndicatorTests : IDisposable
{
    private readonly CallHistory history = new();
    private readonly PhoneTestRig rig;

    public MissedCallIndicatorTests() => rig = new PhoneTestRig(history: history);

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task MissedCallFromBeforeARestart_LightsTheLed()
    {
        history.Add(new CallRecord(CallRecordKind.Missed, "102", null, DateTimeOffset.UnixEpoch, TimeSpan.Zero));

        await rig.Start();

        Assert.True(rig.Hardware.Indicators.MessageWaiting);
    }

    [Fact]
    public async Task CallerHangsUpBeforeAnswer_LightsTheLed_OpeningTheHistoryPutsItOutAndClearsTheCount()
    {
        await rig.Start();
        Assert.False(rig.Hardware.Indicators.MessageWaiting);
        await rig.Receive(Far.Invite());
        await rig.Receive(Far.Cancel());
        Assert.True(rig.Hardware.Indicators.MessageWaiting);
        Assert.Equal("1 missed call", rig.Hardware.Screen.Lines[2].TrimEnd());

        await rig.Press(PhoneKey.History);

        Assert.False(rig.Hardware.Indicators.MessageWaiting);
        Assert.Equal(0, history.UnseenMissed);
        Assert.Equal(">!Anna Rossi   09:30", rig.Hardware.Screen.Lines[0]);
        await rig.Press(PhoneKey.End);
        Assert.Equal(["Ext 101        09:30", "Registering...", string.Empty, "Tue 24 Nov 2026"], rig.Hardware.Screen.Lines.Select(l => l.TrimEnd()));
    }

    [Fact]
    public async Task OkOnTheIdleScreen_WithMissedCalls_OpensTheHistory()
    {
        history.Add(new CallRecord(CallRecordKind.Missed, "102", "Anna Rossi", DateTimeOffset.UnixEpoch, TimeSpan.Zero));
        await rig.Start();

        await rig.Press(PhoneKey.Ok);

        Assert.StartsWith(">!Anna Rossi", rig.Hardware.Screen.Lines[0]);
        Assert.Equal(0, history.UnseenMissed);
    }

    [Fact]
    public async Task OkOnTheIdleScreen_WithoutMissedCalls_StaysIdle()
    {
        history.Add(new CallRecord(CallRecordKind.Received, "102", "Anna Rossi", DateTimeOffset.UnixEpoch, TimeSpan.Zero));
        await rig.Start();

        await rig.Press(PhoneKey.Ok);

        Assert.StartsWith("Ext 101", rig.Screen);
    }

    [Fact]
    public async Task UnreadMessageAndMissedCall_TheLedStaysOnUntilBothAreSeen()
    {
        await rig.Start();
        await rig.Receive(Far.Invite());
        await rig.Receive(Far.Cancel());
        await rig.Receive(Far.Message("Richiamami"));
        await rig.Press(PhoneKey.Soft4);

        await rig.Press(PhoneKey.Messages, PhoneKey.Ok, PhoneKey.End);
        Assert.True(rig.Hardware.Indicators.MessageWaiting);
        Assert.Equal(0, rig.Phone.View.UnreadMessages);

        await rig.Press(PhoneKey.History);
        Assert.False(rig.Hardware.Indicators.MessageWaiting);
    }

    [Fact]
    public async Task MissedCallsSeen_AMessageStillUnread_KeepsTheLedOn()
    {
        history.Add(new CallRecord(CallRecordKind.Missed, "102", null, DateTimeOffset.UnixEpoch, TimeSpan.Zero));
        await rig.Start();
        await rig.Receive(Far.Message("Richiamami"));
        await rig.Press(PhoneKey.Soft4);

        await rig.Press(PhoneKey.History);

        Assert.True(rig.Hardware.Indicators.MessageWaiting);
    }

    [Fact]
    public async Task HistoryKey_OnTheCallEndedScreen_OpensTheList()
    {
        await rig.Start();
        await rig.LiftHandset();
        await rig.Type("200#");
        await rig.Receive(Far.Reply(rig.Transport.Requests("INVITE").Single(), 486, "Busy Here"));
        Assert.StartsWith("Call ended", rig.Screen);

        await rig.Press(PhoneKey.History);

        Assert.StartsWith(">>200", rig.Screen);
    }
}
