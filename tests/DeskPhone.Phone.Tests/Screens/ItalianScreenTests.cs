using DeskPhone.Hal;
using DeskPhone.Phone.Tests.Calls;
using DeskPhone.Phone.History;
using DeskPhone.Phone.Screens;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Phone.Tests.Screens;

/// <summary>
/// The phone with the default options speaks Italian: whole 20-column rows as the simulated LCD
/// draws them, soft keys included, on the rig's clock (09:30, Tuesday 24 November 2026).
/// </summary>
public sealed class ItalianScreenTests : IDisposable
{
    private static readonly DateTimeOffset Today = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    private readonly CallHistory history = new();
    private readonly PhoneTestRig rig;

    public ItalianScreenTests() => rig = new PhoneTestRig(history: history, options: new PhoneOptions());

    public void Dispose() => rig.Dispose();

    private string[] Rows => [.. rig.Hardware.Screen.Lines];

    [Fact]
    public void Options_ByDefault_AreItalian()
    {
        Assert.Equal(DisplayLanguage.It, new PhoneOptions().Language);
        Assert.Same(LcdTexts.Italian, LcdTexts.For(DisplayLanguage.It));
        Assert.Same(LcdTexts.English, LcdTexts.For(DisplayLanguage.En));
    }

    [Fact]
    public async Task Idle_Registered_ShowsTheExtensionStateAndItalianDate()
    {
        await StartRegistered();

        Assert.Equal(["Int. 101       09:30", "Registrato          ", "                    ", "Mar 24 nov 2026     "], Rows);
    }

    [Fact]
    public async Task Idle_RegistrationRefused_SaysSoWithTheCode()
    {
        await rig.Start();
        Assert.Equal("Registrazione...    ", Rows[1]);

        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Register).Single(), 403, "Forbidden"));

        Assert.Equal("Reg. fallita 403    ", Rows[1]);
    }

    [Fact]
    public async Task Idle_MissedCallsAndMessages_CountInItalian()
    {
        history.Add(new CallRecord(CallRecordKind.Missed, "104", "Bruno Verdi", Today.AddHours(8), TimeSpan.Zero));
        history.Add(new CallRecord(CallRecordKind.Missed, "102", "Anna Rossi", Today.AddHours(9), TimeSpan.Zero));
        await StartRegistered();

        await rig.Receive(Far.Message("Ciao", callId: "m1"));
        await rig.Press(PhoneKey.Soft4);

        Assert.Equal(["Int. 101       09:30", "Registrato          ", "2 chiamate perse    ", "1 nuovo messaggio   "], Rows);
    }

    [Theory]
    [InlineData(2026, 1, 1, "Gio 01 gen 2026")]
    [InlineData(2026, 2, 6, "Ven 06 feb 2026")]
    [InlineData(2026, 3, 1, "Dom 01 mar 2026")]
    [InlineData(2026, 4, 6, "Lun 06 apr 2026")]
    [InlineData(2026, 5, 9, "Sab 09 mag 2026")]
    [InlineData(2026, 6, 14, "Dom 14 giu 2026")]
    [InlineData(2026, 7, 4, "Sab 04 lug 2026")]
    [InlineData(2026, 8, 15, "Sab 15 ago 2026")]
    [InlineData(2026, 9, 30, "Mer 30 set 2026")]
    [InlineData(2026, 10, 3, "Sab 03 ott 2026")]
    [InlineData(2026, 11, 24, "Mar 24 nov 2026")]
    [InlineData(2026, 12, 31, "Gio 31 dic 2026")]
    public void Date_EveryMonthAndWeekday_ComesFromTheItalianTables(int year, int month, int day, string expected)
    {
        // Late evening an hour east of UTC: the day shown is the local one, not UTC's.
        var now = new DateTimeOffset(year, month, day, 23, 30, 0, TimeSpan.FromHours(1));
        var view = new PhoneView(PhoneMode.Idle, "101", false, new Sip.Registration.RegistrationStatus(Sip.Registration.RegistrationPhase.Registered)) { Texts = LcdTexts.Italian };

        Assert.Equal(expected.PadRight(20), ScreenRenderer.Render(view, now, 20, 4)[3]);
    }

    [Fact]
    public async Task Dialling_OnHook_ShowsTheItalianPromptAndHint()
    {
        await StartRegistered();

        await rig.Type("35");

        Assert.Equal(["Componi   agganciato", "35_                 ", "                    ", "#/Invio chiama      "], Rows);
    }

    [Fact]
    public async Task Call_IncomingAnsweredHeldAndHungUpByPeer_ShowsItalianTitlesKeysAndNotice()
    {
        await StartRegistered();

        await rig.Receive(Far.Invite());
        Assert.Equal(["Chiamata in arrivo  ", "Anna Rossi          ", "102                 ", "Rispondi     Rifiuta"], Rows);

        await rig.LiftHandset();
        var anna = FarParty.Anna(rig);
        await rig.Receive(anna.Ack(5));
        await rig.Advance(TimeSpan.FromSeconds(83));
        Assert.Equal(["Connesso       01:23", "Anna Rossi          ", "102                 ", "Att. Tras Muto  Fine"], Rows);

        await rig.Press(PhoneKey.Hold);
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Invite).Last(), 200, "OK", "answer:recvonly"));
        await rig.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(["In attesa      00:09", "Anna Rossi          ", "102                 ", "Riprendi        Fine"], Rows);

        await rig.Receive(anna.Request(SipMethods.Bye));
        Assert.Equal(["Chiamata terminata  ", "Anna Rossi          ", "Ha riagganciato     ", "                    "], Rows);
    }

    [Fact]
    public async Task Menu_OnTheIdleScreen_OffersDoNotDisturbInItalian()
    {
        await StartRegistered();

        await rig.Press(PhoneKey.More);
        Assert.Equal([">Non disturbare   No", "                    ", "                    ", "Scegli         Torna"], Rows);

        await rig.Press(PhoneKey.Ok);
        Assert.Equal("Registrato       DND", Rows[1]);
    }

    [Fact]
    public async Task Message_ArrivingThenRead_ShowsItalianNoticeAndConversation()
    {
        await StartRegistered();

        await rig.Receive(Far.Message("Pranzo alle 13? Porto io il caffè dopo la riunione.", callId: "m1"));
        Assert.Equal(["Messaggio da   09:30", "Anna Rossi          ", "Pranzo alle 13? Port", "Leggi         Chiudi"], Rows);

        await rig.Press(PhoneKey.Soft1);
        Assert.Equal(["<09:30 Anna Rossi   ", "Pranzo alle 13?     ", "Porto io il caffè   ", "Rispondi       Torna"], Rows);
    }

    [Fact]
    public async Task Message_NotDelivered_SaysWhyAndOffersBis()
    {
        await StartRegistered();
        await rig.Receive(Far.Message("Ciao", callId: "m1"));
        await rig.Press(PhoneKey.Soft1);

        await rig.Press(PhoneKey.Soft1);
        await rig.Type("3");
        Assert.Equal("Inv. <    >     Canc", Rows[3]);
        await rig.Press(PhoneKey.Send);
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Message).Last(), 480, "Temporarily Unavailable"));

        Assert.Equal(["Ciao                ", ">09:30 fallito      ", "interno non attivo  ", "Rispondi  Bis  Torna"], Rows);
    }

    [Fact]
    public async Task History_ListDetailAndDeleting_ShowItalianWordsAndKeys()
    {
        history.Add(new CallRecord(CallRecordKind.Placed, "200", null, Today.AddDays(-1).AddHours(17), TimeSpan.FromSeconds(3725)));
        history.Add(new CallRecord(CallRecordKind.Received, "102", "Anna Rossi", Today.AddHours(9).AddMinutes(5), TimeSpan.FromSeconds(125)));
        history.Add(new CallRecord(CallRecordKind.Missed, "104", "Bruno Verdi", Today.AddHours(9).AddMinutes(20), TimeSpan.Zero));
        await StartRegistered();

        await rig.Press(PhoneKey.History);
        Assert.Equal([">!Bruno Verdi  09:20", " <Anna Rossi   09:05", " >200          23/11", "Tel. Msg  Canc Torna"], Rows);

        await rig.Press(PhoneKey.Down, PhoneKey.Ok);
        Assert.Equal(["Ricevuta 24/11 09:05", "Anna Rossi          ", "102            2m05s", "Tel. Msg       Torna"], Rows);

        await rig.Press(PhoneKey.Back, PhoneKey.Soft3);
        Assert.Equal(["Cancellare chiamata?", "Anna Rossi          ", "                    ", "Sì   Tutte        No"], Rows);

        await rig.Press(PhoneKey.Soft2);
        Assert.Equal(["Svuotare cronologia?", "3 chiamate          ", "                    ", "Sì                No"], Rows);

        await rig.Press(PhoneKey.Soft1);
        Assert.Equal(["Nessuna chiamata    ", "                    ", "                    ", "               Torna"], Rows);
    }

    [Fact]
    public async Task History_PlacedCall_IsUscente()
    {
        history.Add(new CallRecord(CallRecordKind.Placed, "200", null, Today.AddDays(-1).AddHours(17), TimeSpan.FromSeconds(3725)));
        await StartRegistered();

        await rig.Press(PhoneKey.History, PhoneKey.Ok);

        Assert.Equal(["Uscente  23/11 17:00", "200                 ", "               1h02m", "Tel. Msg       Torna"], Rows);
    }

    /// <summary>
    /// Every bottom row the screens draw (the same label combinations as the renderers) shows each
    /// label whole: none is cut to fit its cell (<see cref="LcdText.SoftKeys"/>: five columns a cell;
    /// a label may run on only over empty neighbours).
    /// </summary>
    [Theory]
    [InlineData(DisplayLanguage.It)]
    [InlineData(DisplayLanguage.En)]
    public void SoftKeys_EveryRowOfEveryScreen_ShowsEachLabelWhole(DisplayLanguage language)
    {
        var t = LcdTexts.For(language);
        string[][] rows =
        [
            [t.KeyAnswer, "", "", t.KeyReject], [t.KeyTake, "", "", t.KeyBusy], [t.KeyTransfer, t.KeyBack, "", t.KeyEnd],
            [t.KeyResume, "", "", t.KeyEnd], [t.KeySwap, "", t.KeyMute, t.KeyEnd], [t.KeyHold, t.KeyTransfer, t.KeyMute, t.KeyEnd],
            [t.KeySend, t.KeyDelete, "", t.KeyCancel], [t.KeySelect, "", "", t.KeyBack], ["", "", "", t.KeyEnd],
            ["", t.KeyNew, "", t.KeyBack], [t.KeyYes, "", "", t.KeyNo], [t.KeyOpen, t.KeyNew, t.KeyDelete, t.KeyBack],
            [t.KeyReply, "", t.KeyRetry, t.KeyBack], ["OK", "+", t.KeyRecentCalls, t.KeyBack], [t.KeyPick, "", "", t.KeyBack],
            [t.KeySend, "<", ">", t.KeyDelete], [t.KeyRead, "", "", t.KeyClose], [t.KeyYes, t.KeyAll, "", t.KeyNo],
            [t.KeyCall, t.KeyMessage, t.KeyDelete, t.KeyBack], [t.KeyCall, t.KeyMessage, "", t.KeyBack], [t.KeyCall, "", "", t.KeyBack],
        ];

        Assert.All(rows, labels => Assert.Equal(
            labels.Where(label => label.Length > 0),
            LcdText.SoftKeys(20, labels[0], labels[1], labels[2], labels[3]).Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    private async Task StartRegistered()
    {
        await rig.Start();
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Register).Single(), 200, "OK"));
    }
}
