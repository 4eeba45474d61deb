using DeskPhone.Hal;
using DeskPhone.Phone.Messages;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Phone.Tests.Messages;

public sealed class IncomingMessageTests : IDisposable
{
    private readonly PhoneTestRig rig = new(messageOptions: new MessagesOptions { MaxTextBytes = 64 });

    public void Dispose() => rig.Dispose();

    private IEnumerable<string> Rows => rig.Hardware.Screen.Lines.Select(l => l.TrimEnd());

    [Fact]
    public async Task Message_WhileIdle_IsStoredAndAnswered200_ShowsNotice_LightsLed_AlertsBriefly()
    {
        await rig.Start();

        await rig.Receive(Far.Message("Pranzo alle 13?"));

        Assert.Single(rig.Transport.Responses(200));
        var stored = Assert.Single(await rig.Stored(s => s.MessagesWith("102")));
        Assert.Equal(("Pranzo alle 13?", "Anna Rossi", false), (stored.Text, stored.PeerName, stored.Read));
        Assert.Equal(["New message    09:30", "Anna Rossi", "Pranzo alle 13?", "Read           Close"], Rows);
        Assert.True(rig.Hardware.Indicators.MessageWaiting);
        Assert.True(rig.Hardware.Ringer.IsRinging);

        await rig.Advance(PhoneController.MessageAlertTime);
        Assert.False(rig.Hardware.Ringer.IsRinging);
    }

    [Fact]
    public async Task Retransmission_AfterTheTransactionIsGone_IsAnsweredAgain_ButStoredAndShownOnce()
    {
        await rig.Start();
        await rig.Receive(Far.Message("once"));
        await rig.Press(PhoneKey.Soft4);

        // Past Timer J (64*T1, RFC 3261 §17.2.2) the server transaction no longer absorbs it.
        await rig.Advance(TimeSpan.FromSeconds(40));
        await rig.Receive(Far.Message("once"));

        Assert.Equal(2, rig.Transport.Responses(200).Count());
        Assert.Single(await rig.Stored(s => s.MessagesWith("102")));
        Assert.StartsWith("Ext 101", rig.Screen);
        Assert.False(rig.Hardware.Ringer.IsRinging);
    }

    [Fact]
    public async Task NoticeClosed_IdleScreenShowsTheUnreadCount()
    {
        await rig.Start();
        await rig.Receive(Far.Message("one", callId: "m1"));
        await rig.Receive(Far.Message("two", callId: "m2"));
        Assert.Equal("two", rig.Hardware.Screen.Lines[2].TrimEnd());

        await rig.Press(PhoneKey.Soft4);

        Assert.Equal("2 new messages", rig.Hardware.Screen.Lines[2].TrimEnd());
        Assert.True(rig.Hardware.Indicators.MessageWaiting);
    }

    [Fact]
    public async Task HtmlMessage_Gets415OfferingTextPlain_AndIsNotStored()
    {
        await rig.Start();

        await rig.Receive(Far.Message("<b>hi</b>", "text/html"));

        Assert.Equal("text/plain", rig.Transport.Responses(415).Single().Get(HeaderNames.Accept));
        Assert.Empty(await rig.Stored(s => s.Conversations()));
        Assert.False(rig.Hardware.Indicators.MessageWaiting);
        Assert.StartsWith("Ext 101", rig.Screen);
    }

    [Fact]
    public async Task MessageOverTheConfiguredSize_Gets413()
    {
        await rig.Start();

        await rig.Receive(Far.Message(new string('x', 65)));

        Assert.Single(rig.Transport.Responses(413));
        Assert.Empty(await rig.Stored(s => s.Conversations()));
    }

    [Fact]
    public async Task Latin1Message_IsShownConverted()
    {
        await rig.Start();

        await rig.Receive(Far.Message([0x50, 0x65, 0x72, 0x63, 0x68, 0xE9, 0x3F], "text/plain; charset=iso-8859-1"));

        Assert.Equal("Perché?", rig.Hardware.Screen.Lines[2].TrimEnd());
    }

    [Fact]
    public async Task Message_DuringACall_OnlyLightsTheLed_AndCountsDiscreetlyBesideTheNumber()
    {
        await rig.Start();
        await rig.Receive(Far.Invite());
        await rig.LiftHandset();

        await rig.Receive(Far.Message("call me later", callId: "during"));

        Assert.Single(rig.Transport.Responses(200), r => r.CSeq.Method == SipMethods.Message);
        Assert.False(rig.Hardware.Ringer.IsRinging);
        Assert.True(rig.Hardware.Indicators.MessageWaiting);
        Assert.StartsWith("Connected", rig.Screen);
        Assert.Equal("102            Msg 1", rig.Hardware.Screen.Lines[2]);
        Assert.Equal("Hold Xfer Mute   End", rig.Hardware.Screen.Lines[3]);
    }

    [Fact]
    public async Task Message_WhileTheCallRings_DoesNotStopTheRinger()
    {
        await rig.Start();
        await rig.Receive(Far.Invite());

        await rig.Receive(Far.Message("x", callId: "while-ringing"));
        await rig.Advance(PhoneController.MessageAlertTime);

        Assert.True(rig.Hardware.Ringer.IsRinging);
        Assert.StartsWith("Incoming call", rig.Screen);
    }

    [Fact]
    public async Task WithoutAUsableStore_MessagesAreRefused500_NeverAccepted()
    {
        var blocker = Path.Combine(Path.GetTempPath(), $"deskphone-blocker-{Guid.NewGuid():N}");
        File.WriteAllText(blocker, string.Empty);
        try
        {
            using var broken = new PhoneTestRig(storePath: Path.Combine(blocker, MessageStore.FileName));
            await broken.Start();

            await broken.Receive(Far.Message("lost?"));

            Assert.Empty(broken.Transport.Responses(200));
            Assert.Single(broken.Transport.Responses(500));
            Assert.StartsWith("Ext 101", broken.Screen);
        }
        finally
        {
            File.Delete(blocker);
        }
    }
}
