using DeskPhone.Hal;

namespace DeskPhone.Phone.Tests.Messages;

public sealed class ConversationScreenTests : IDisposable
{
    private const string Bruno = "\"Bruno\" <sip:103@pbx>;tag=bruno";

    private readonly PhoneTestRig rig = new();

    public void Dispose() => rig.Dispose();

    private IEnumerable<string> Rows => rig.Hardware.Screen.Lines.Select(l => l.TrimEnd());

    [Fact]
    public async Task MessagesKey_ListsConversations_NewestFirst_WithNameUnreadCountAndTime()
    {
        await rig.Start();
        await rig.Receive(Far.Message("one", callId: "a"));
        await rig.Advance(TimeSpan.FromMinutes(5));
        await rig.Receive(Far.Message("from Bruno", callId: "b", from: Bruno));
        await rig.Advance(TimeSpan.FromMinutes(5));
        await rig.Receive(Far.Message("two", callId: "c"));
        await rig.Press(PhoneKey.Soft4);

        await rig.Press(PhoneKey.Messages);

        Assert.Equal([">Anna Rossi (2)09:40", " Bruno      (1)09:35", string.Empty, "Open New  Del   Back"], Rows);

        await rig.Press(PhoneKey.Down);
        Assert.StartsWith(">Bruno", rig.Hardware.Screen.Lines[1]);
        await rig.Press(PhoneKey.Soft4);
        Assert.StartsWith("Ext 101", rig.Screen);
    }

    [Fact]
    public async Task EmptyList_SaysSo_AndOffersNew()
    {
        await rig.Start();

        await rig.Press(PhoneKey.Messages);

        Assert.Equal(["No messages", string.Empty, string.Empty, "     New        Back"], Rows);
    }

    [Fact]
    public async Task OpeningAConversation_ShowsItsMessagesWordWrapped_AndMarksThemRead()
    {
        await rig.Start();
        await rig.Receive(Far.Message("Ciao! Ci vediamo domani alla riunione delle dieci?"));
        Assert.True(rig.Hardware.Indicators.MessageWaiting);

        await rig.Press(PhoneKey.Soft1);

        // Opened at the first unread message.
        Assert.Equal(["<09:30 Anna Rossi", "Ciao! Ci vediamo", "domani alla riunione", "Reply           Back"], Rows);
        Assert.False(rig.Hardware.Indicators.MessageWaiting);
        Assert.Equal(0, await rig.Stored(s => s.UnreadCount));

        await rig.Press(PhoneKey.Up);
        Assert.Equal(["Anna Rossi       102", "<09:30 Anna Rossi", "Ciao! Ci vediamo", "Reply           Back"], Rows);

        await rig.Press(PhoneKey.Up);
        Assert.Equal("Anna Rossi       102", rig.Hardware.Screen.Lines[0].TrimEnd());
        await rig.Press(PhoneKey.Down, PhoneKey.Down, PhoneKey.Down, PhoneKey.Down);
        Assert.Equal(["Ciao! Ci vediamo", "domani alla riunione", "delle dieci?", "Reply           Back"], Rows);
    }

    [Fact]
    public async Task Back_FromAConversation_ReturnsToTheList_NowRead()
    {
        await rig.Start();
        await rig.Receive(Far.Message("x"));
        await rig.Press(PhoneKey.Ok);

        await rig.Press(PhoneKey.Back);

        Assert.Equal(">Anna Rossi    09:30", rig.Hardware.Screen.Lines[0]);
    }

    [Fact]
    public async Task DeletingAConversation_AsksFirst_NoKeepsIt_YesDeletesIt()
    {
        await rig.Start();
        await rig.Receive(Far.Message("x"));
        await rig.Press(PhoneKey.Soft4);
        await rig.Press(PhoneKey.Messages);

        await rig.Press(PhoneKey.Soft3);
        Assert.Equal(["Delete conversation", "with Anna Rossi?", string.Empty, "Yes               No"], Rows);
        await rig.Press(PhoneKey.Soft4);
        Assert.StartsWith(">Anna Rossi", rig.Screen);

        await rig.Press(PhoneKey.Soft3, PhoneKey.Soft1);

        Assert.Equal("No messages", rig.Hardware.Screen.Lines[0].TrimEnd());
        Assert.Empty(await rig.Stored(s => s.Conversations()));
        Assert.False(rig.Hardware.Indicators.MessageWaiting);
    }

    [Fact]
    public async Task NewMessageArriving_InTheOpenConversation_IsShownAndRead()
    {
        await rig.Start();
        await rig.Receive(Far.Message("first", callId: "a"));
        await rig.Press(PhoneKey.Soft1);

        await rig.Receive(Far.Message("second", callId: "b"));

        Assert.True(rig.Screen.Contains("second", StringComparison.Ordinal), rig.Screen);
        Assert.Equal(0, await rig.Stored(s => s.UnreadCount));
        Assert.False(rig.Hardware.Indicators.MessageWaiting);
    }

    [Fact]
    public async Task IncomingCall_RingsOverTheMessageScreens_AndTheScreenComesBackAfterTheCall()
    {
        await rig.Start();
        await rig.Receive(Far.Message("x"));
        await rig.Press(PhoneKey.Soft4, PhoneKey.Messages);

        await rig.Receive(Far.Invite());
        Assert.StartsWith("Incoming call", rig.Screen);
        Assert.True(rig.Hardware.Ringer.IsRinging);
        await rig.LiftHandset();
        await rig.ReplaceHandset();

        Assert.StartsWith(">Anna Rossi", rig.Screen);
    }

    [Fact]
    public async Task Notice_DigitStartsDiallingAsOnTheIdleScreen()
    {
        await rig.Start();
        await rig.Receive(Far.Message("x"));

        await rig.Type("2");

        Assert.StartsWith("Dial", rig.Screen);
        Assert.Contains("2_", rig.Screen);
    }
}
