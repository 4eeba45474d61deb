using System.Text;
using DeskPhone.Hal;
using DeskPhone.Phone.History;
using DeskPhone.Phone.Tests.Storage;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Phone.Tests.History;

/// <summary>The call history screens through the rig: keys in, LCD rows and SIP requests out.</summary>
public sealed class HistoryScreenTests : IDisposable
{
    /// <summary>The rig's clock reads 09:30 on Tuesday 24 November 2026.</summary>
    private static readonly DateTimeOffset Today = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    private readonly TempFolder folder = new();
    private readonly CallHistory history;
    private readonly PhoneTestRig rig;

    public HistoryScreenTests()
    {
        history = CallHistory.Open(folder.File(CallHistory.FileName), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        rig = new PhoneTestRig(history: history);
    }

    public void Dispose()
    {
        rig.Dispose();
        history.Dispose();
        folder.Dispose();
    }

    private IEnumerable<string> Rows => rig.Hardware.Screen.Lines.Select(l => l.TrimEnd());

    /// <summary>Yesterday a call to 200 (no name); this morning one from Anna and a missed one from Bruno.</summary>
    private async Task StartWithThreeCalls()
    {
        history.Add(new CallRecord(CallRecordKind.Placed, "200", null, Today.AddDays(-1).AddHours(17), TimeSpan.FromSeconds(3725)));
        history.Add(new CallRecord(CallRecordKind.Received, "102", "Anna Rossi", Today.AddHours(9).AddMinutes(5), TimeSpan.FromSeconds(125)));
        history.Add(new CallRecord(CallRecordKind.Missed, "104", "Bruno Verdi", Today.AddHours(9).AddMinutes(20), TimeSpan.Zero));
        await rig.Start();
    }

    [Fact]
    public async Task HistoryKey_ListsCallsNewestFirst_WithKindMarkNameAndTime()
    {
        await StartWithThreeCalls();

        await rig.Press(PhoneKey.History);

        Assert.Equal([">!Bruno Verdi  09:20", " <Anna Rossi   09:05", " >200          23/11", "Call Msg  Del   Back"], Rows);
    }

    [Fact]
    public async Task UpDown_MoveTheHighlight_AndStopAtTheEnds()
    {
        await StartWithThreeCalls();
        await rig.Press(PhoneKey.History);

        await rig.Press(PhoneKey.Down, PhoneKey.Down, PhoneKey.Down);
        Assert.Equal([" !Bruno Verdi  09:20", " <Anna Rossi   09:05", ">>200          23/11"], Rows.Take(3));

        await rig.Press(PhoneKey.Up, PhoneKey.Up, PhoneKey.Up);
        Assert.StartsWith(">!Bruno", rig.Hardware.Screen.Lines[0]);
    }

    [Fact]
    public async Task ListLongerThanTheDisplay_ScrollsWithTheHighlight()
    {
        for (var minute = 0; minute < 5; minute++)
        {
            history.Add(new CallRecord(CallRecordKind.Placed, $"20{minute}", null, Today.AddHours(8).AddMinutes(minute), TimeSpan.Zero));
        }

        await rig.Start();
        await rig.Press(PhoneKey.History);
        await rig.Press(PhoneKey.Down, PhoneKey.Down, PhoneKey.Down, PhoneKey.Down);

        Assert.Equal([" >202          08:02", " >201          08:01", ">>200          08:00"], Rows.Take(3));
    }

    [Fact]
    public async Task Ok_OpensTheCall_WithKindDateNameNumberAndDuration_BackReturnsToTheSameRow()
    {
        await StartWithThreeCalls();
        await rig.Press(PhoneKey.History, PhoneKey.Down);

        await rig.Press(PhoneKey.Ok);
        Assert.Equal(["Received 24/11 09:05", "Anna Rossi", "102            2m05s", "Call Msg        Back"], Rows);

        await rig.Press(PhoneKey.Back);
        Assert.StartsWith(" !Bruno", rig.Hardware.Screen.Lines[0]);
        Assert.StartsWith("><Anna", rig.Hardware.Screen.Lines[1]);
    }

    [Fact]
    public async Task Detail_OfACallWithoutName_ShowsTheNumberOnce_AndHoursOfTalk()
    {
        await StartWithThreeCalls();
        await rig.Press(PhoneKey.History, PhoneKey.Down, PhoneKey.Down, PhoneKey.Ok);

        Assert.Equal(["Placed   23/11 17:00", "200", "               1h02m", "Call Msg        Back"], Rows);
    }

    [Fact]
    public async Task Detail_OfAMissedCall_ShowsNoDuration()
    {
        await StartWithThreeCalls();
        await rig.Press(PhoneKey.History, PhoneKey.Ok);

        Assert.Equal(["Missed   24/11 09:20", "Bruno Verdi", "104"], Rows.Take(3));
    }

    [Fact]
    public async Task Send_OnTheList_CallsTheNumberBack()
    {
        await StartWithThreeCalls();
        await rig.Press(PhoneKey.History, PhoneKey.Down);

        await rig.Press(PhoneKey.Send);

        Assert.Equal("sip:102@pbx", rig.Transport.Requests(SipMethods.Invite).Single().RequestUri);
        Assert.Equal(["Calling", "102"], Rows.Take(2));
    }

    [Fact]
    public async Task CallSoftKey_OnTheDetail_CallsTheNumberBack()
    {
        await StartWithThreeCalls();
        await rig.Press(PhoneKey.History, PhoneKey.Ok);

        await rig.Press(PhoneKey.Soft1);

        Assert.Equal("sip:104@pbx", rig.Transport.Requests(SipMethods.Invite).Single().RequestUri);
    }

    [Fact]
    public async Task LiftingTheHandset_OnTheList_CallsTheHighlightedNumber()
    {
        await StartWithThreeCalls();
        await rig.Press(PhoneKey.History, PhoneKey.Down, PhoneKey.Down);

        await rig.LiftHandset();

        Assert.Equal("sip:200@pbx", rig.Transport.Requests(SipMethods.Invite).Single().RequestUri);
    }

    [Fact]
    public async Task MsgSoftKey_WritesAMessageToTheNumber_SentAsMessage()
    {
        await StartWithThreeCalls();
        await rig.Press(PhoneKey.History, PhoneKey.Down);

        await rig.Press(PhoneKey.Soft2);
        Assert.Equal("To Anna Ross Abc 160", rig.Hardware.Screen.Lines[0]);
        await rig.Type("44");
        await rig.Press(PhoneKey.Send);

        var message = rig.Transport.Requests(SipMethods.Message).Single();
        Assert.Equal("sip:102@pbx", message.RequestUri);
        Assert.Equal("H", Encoding.UTF8.GetString(message.Body.Span));
        Assert.Empty(rig.Transport.Requests(SipMethods.Invite));
    }

    [Fact]
    public async Task Del_AsksFirst_ThenDeletesTheOneCall_ForGood()
    {
        await StartWithThreeCalls();
        await rig.Press(PhoneKey.History, PhoneKey.Down);

        await rig.Press(PhoneKey.Soft3);
        Assert.Equal(["Delete this call?", "Anna Rossi", string.Empty, "Yes  All          No"], Rows);
        await rig.Press(PhoneKey.Soft1);

        Assert.Equal([" !Bruno Verdi  09:20", ">>200          23/11", string.Empty], Rows.Take(3));
        using var reopened = CallHistory.Open(folder.File(CallHistory.FileName), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        Assert.Equal(["104", "200"], reopened.Records.Select(r => r.Number));
    }

    [Fact]
    public async Task Del_AnsweredNo_KeepsTheCall()
    {
        await StartWithThreeCalls();
        await rig.Press(PhoneKey.History, PhoneKey.Soft3);

        await rig.Press(PhoneKey.Soft4);

        Assert.Equal(3, history.Records.Count);
        Assert.StartsWith(">!Bruno", rig.Hardware.Screen.Lines[0]);
    }

    [Fact]
    public async Task DelAll_AsksAgain_ThenClearsTheHistory_ForGood()
    {
        await StartWithThreeCalls();
        await rig.Press(PhoneKey.History, PhoneKey.Soft3);

        await rig.Press(PhoneKey.Soft2);
        Assert.Equal(["Clear the history?", "3 calls", string.Empty, "Yes               No"], Rows);
        await rig.Press(PhoneKey.Ok);

        Assert.Equal(["No calls", string.Empty, string.Empty, "                Back"], Rows);
        using var reopened = CallHistory.Open(folder.File(CallHistory.FileName), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        Assert.Empty(reopened.Records);
    }

    [Fact]
    public async Task DelAll_AnsweredNo_KeepsEveryCall()
    {
        await StartWithThreeCalls();
        await rig.Press(PhoneKey.History, PhoneKey.Soft3, PhoneKey.Soft2);

        await rig.Press(PhoneKey.Back);

        Assert.Equal(3, history.Records.Count);
        Assert.StartsWith(">!Bruno", rig.Hardware.Screen.Lines[0]);
    }

    [Fact]
    public async Task EmptyHistory_SaysSo_AndCallKeysDoNothing()
    {
        await rig.Start();

        await rig.Press(PhoneKey.History, PhoneKey.Send, PhoneKey.Soft1, PhoneKey.Soft2, PhoneKey.Soft3, PhoneKey.Ok);

        Assert.Equal(["No calls", string.Empty, string.Empty, "                Back"], Rows);
        Assert.Empty(rig.Transport.Requests(SipMethods.Invite));
    }

    [Fact]
    public async Task Back_FromTheList_ReturnsToIdle()
    {
        await StartWithThreeCalls();
        await rig.Press(PhoneKey.History);

        await rig.Press(PhoneKey.Back);

        Assert.StartsWith("Ext 101", rig.Screen);
    }

    [Fact]
    public async Task Digit_OnTheList_StartsDialling()
    {
        await StartWithThreeCalls();
        await rig.Press(PhoneKey.History);

        await rig.Type("3");

        Assert.Equal(["Dial         on hook", "3_"], Rows.Take(2));
    }

    [Fact]
    public async Task ContactsKey_OnTheList_SwitchesToThePhonebook()
    {
        await StartWithThreeCalls();
        await rig.Press(PhoneKey.History);

        await rig.Press(PhoneKey.Contacts);

        Assert.Equal("Contacts unavailable", rig.Hardware.Screen.Lines[0]);
    }

    [Fact]
    public async Task IncomingCall_TakesTheScreenFromTheList_ThenTheCallEndsOnIdle()
    {
        await StartWithThreeCalls();
        await rig.Press(PhoneKey.History);

        await rig.Receive(Far.Invite());
        Assert.Equal("Incoming call", rig.Hardware.Screen.Lines[0].TrimEnd());
        await rig.LiftHandset();
        await rig.ReplaceHandset();

        Assert.StartsWith("Ext 101", rig.Screen);
    }
}
