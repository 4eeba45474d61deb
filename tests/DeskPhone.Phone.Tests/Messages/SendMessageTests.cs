using System.Text;
using DeskPhone.Hal;
using DeskPhone.Phone.Messages;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Phone.Tests.Messages;

public sealed class SendMessageTests : IDisposable
{
    private readonly PhoneTestRig rig = new(new FakeContacts(new MessageContact("Bruno Verdi", "104"), new MessageContact("Anna Rossi", "102")));

    public void Dispose() => rig.Dispose();

    private IEnumerable<string> Rows => rig.Hardware.Screen.Lines.Select(l => l.TrimEnd());

    private SipRequest LastMessage => rig.Transport.Requests(SipMethods.Message).Last();

    [Fact]
    public async Task NewMessage_ToDigits_TypedWithMultiTap_IsSentAsUtf8Text_ThenShownDelivered()
    {
        await rig.Start();
        await rig.Press(PhoneKey.Messages, PhoneKey.Soft2);
        Assert.Equal(["New message", "To: _", string.Empty, "OK   +    Calls Back"], Rows);
        await rig.Type("103");
        Assert.Equal("To: 103_", rig.Hardware.Screen.Lines[1].TrimEnd());

        await rig.Press(PhoneKey.Send);
        Assert.Equal(["To 103       Abc 160", "_", string.Empty, "Send <    >      Del"], Rows);

        await rig.Type("2224442666");
        Assert.Equal(["To 103       Abc 156", "Ciao", string.Empty, "Send <    >      Del"], Rows);
        await rig.Press(PhoneKey.Send);

        var request = LastMessage;
        Assert.Equal("sip:103@pbx", request.RequestUri);
        Assert.Equal("text/plain;charset=UTF-8", request.Get(HeaderNames.ContentType));
        Assert.Equal("Ciao", Encoding.UTF8.GetString(request.Body.Span));
        Assert.Equal(["103", ">09:30 sending...", "Ciao", "Reply           Back"], Rows);

        await rig.Receive(Far.Reply(request, 200, "OK"));

        Assert.Equal(">09:30 delivered", rig.Hardware.Screen.Lines[1].TrimEnd());
        Assert.Equal(MessageState.Delivered, (await rig.Stored(s => s.MessagesWith("103"))).Single().State);
    }

    [Fact]
    public async Task Accepted202_OnlySaysSent()
    {
        await SendToDigits("103", "2");

        await rig.Receive(Far.Reply(LastMessage, 202, "Accepted"));

        Assert.Equal(">09:30 sent", rig.Hardware.Screen.Lines[1].TrimEnd());
        Assert.Equal(MessageState.Accepted, (await rig.Stored(s => s.MessagesWith("103"))).Single().State);
    }

    [Theory]
    [InlineData(480, "Temporarily Unavailable", "extension not active")]
    [InlineData(404, "Not Found", "extension not active")]
    [InlineData(403, "Forbidden", "error 403 Forbidden")]
    public async Task Refused_ShowsNotDeliveredWithTheReason_NeverSent(int code, string reason, string shown)
    {
        await SendToDigits("150", "2");

        await rig.Receive(Far.Reply(LastMessage, code, reason));

        Assert.Equal(["150", ">09:30 not delivered", shown, "Reply     Retry Back"], Rows);
        var stored = (await rig.Stored(s => s.MessagesWith("150"))).Single();
        Assert.Equal((MessageState.Failed, code), (stored.State, stored.StatusCode));
    }

    [Fact]
    public async Task NoAnswer_ShowsNotDeliveredTimeout()
    {
        await SendToDigits("150", "2");

        await rig.Advance(TimeSpan.FromSeconds(32));

        Assert.Equal(">09:30 not delivered", rig.Hardware.Screen.Lines[1].TrimEnd());
        Assert.Equal("no answer (timeout)", rig.Hardware.Screen.Lines[2].TrimEnd());
    }

    [Fact]
    public async Task Retry_SendsTheFailedMessageAgain_AndShowsTheNewOutcome()
    {
        await SendToDigits("150", "2");
        await rig.Receive(Far.Reply(LastMessage, 480, "Temporarily Unavailable"));

        await rig.Press(PhoneKey.Soft3);

        Assert.Equal(2, rig.Transport.Requests(SipMethods.Message).Count());
        Assert.Equal(">09:30 sending...", rig.Hardware.Screen.Lines[1].TrimEnd());
        await rig.Receive(Far.Reply(LastMessage, 200, "OK"));
        Assert.Equal(["150", ">09:30 delivered", "A", "Reply           Back"], Rows);
        Assert.Single(await rig.Stored(s => s.MessagesWith("150")));
    }

    [Fact]
    public async Task Compose_ShowsModeAndCursor_AndTheCyclingLetterSettlesAfterASecond()
    {
        await rig.Start();
        await rig.Press(PhoneKey.Messages, PhoneKey.Soft2);
        await rig.Type("103");
        await rig.Press(PhoneKey.Send);

        await rig.Type("2");
        Assert.Equal("A", rig.Hardware.Screen.Lines[1].TrimEnd());

        await rig.Advance(PhoneController.MultiTapTimeout);
        Assert.Equal("A_", rig.Hardware.Screen.Lines[1].TrimEnd());

        await rig.Type("#");
        Assert.Equal("To 103       abc 159", rig.Hardware.Screen.Lines[0]);
        await rig.Type("2");
        await rig.Press(PhoneKey.Soft2);
        Assert.Equal("A_a", rig.Hardware.Screen.Lines[1].TrimEnd());
        await rig.Press(PhoneKey.Soft4);
        Assert.Equal("_a", rig.Hardware.Screen.Lines[1].TrimEnd());
    }

    [Fact]
    public async Task LongText_WrapsAndTheRowsFollowTheCursor()
    {
        await rig.Start();
        await rig.Press(PhoneKey.Messages, PhoneKey.Soft2);
        await rig.Type("103");
        await rig.Press(PhoneKey.Send);
        await rig.Type("#");

        // 45 letters: a, b and c in turn, each fixed by the next key.
        for (var i = 0; i < 15; i++)
        {
            await rig.Type("2");
            await rig.Press(PhoneKey.Ok);
            await rig.Type("22");
            await rig.Press(PhoneKey.Ok);
            await rig.Type("222");
            await rig.Press(PhoneKey.Ok);
        }

        Assert.Equal(["To 103       abc 115", "cabcabcabcabcabcabca", "bcabc_", "Send <    >      Del"], Rows);
    }

    [Fact]
    public async Task Reply_FromAConversation_ComposesToThatPeer_AndBackReturnsToIt()
    {
        await rig.Start();
        await rig.Receive(Far.Message("Ciao"));
        await rig.Press(PhoneKey.Soft1);

        await rig.Press(PhoneKey.Soft1);
        Assert.Equal("To Anna Ross Abc 160", rig.Hardware.Screen.Lines[0]);

        await rig.Press(PhoneKey.Back);
        Assert.Contains("Ciao", rig.Screen);
    }

    [Fact]
    public async Task Recipient_SearchedByNameOnTheKeypad_IsPicked()
    {
        await rig.Start();
        await rig.Press(PhoneKey.Messages, PhoneKey.Soft2);

        await rig.Type("266");
        Assert.Equal(" Anna Rossi      102", rig.Hardware.Screen.Lines[2]);
        await rig.Press(PhoneKey.Down);
        Assert.Equal(">Anna Rossi      102", rig.Hardware.Screen.Lines[2]);
        await rig.Press(PhoneKey.Ok);
        await rig.Type("2");
        await rig.Press(PhoneKey.Send);

        Assert.Equal("sip:102@pbx", LastMessage.RequestUri);
    }

    [Fact]
    public async Task Recipient_PickedFromTheContactList()
    {
        await rig.Start();
        await rig.Press(PhoneKey.Messages, PhoneKey.Soft2, PhoneKey.Soft2);
        Assert.Equal([">Anna Rossi      102", " Bruno Verdi     104", string.Empty, "Pick            Back"], Rows);

        await rig.Press(PhoneKey.Down, PhoneKey.Soft1);

        Assert.StartsWith("To Bruno Ver Abc 160", rig.Screen);
    }

    [Fact]
    public async Task Recipient_PickedFromRecentCalls()
    {
        await rig.Start();
        await rig.Receive(Far.Invite());
        await rig.Receive(Far.Cancel());
        await rig.Press(PhoneKey.Messages, PhoneKey.Soft2, PhoneKey.Soft3);
        Assert.Equal(">Anna Rossi      102", rig.Hardware.Screen.Lines[0]);

        await rig.Press(PhoneKey.Ok);

        Assert.StartsWith("To Anna Ross Abc 160", rig.Screen);
    }

    [Fact]
    public async Task Draft_InterruptedByACall_IsBackAfterTheCall()
    {
        await rig.Start();
        await rig.Press(PhoneKey.Messages, PhoneKey.Soft2);
        await rig.Type("103");
        await rig.Press(PhoneKey.Send);
        await rig.Type("222");

        await rig.Receive(Far.Invite());
        await rig.LiftHandset();
        Assert.StartsWith("Connected", rig.Screen);
        await rig.ReplaceHandset();

        Assert.Equal(["To 103       Abc 159", "C_", string.Empty, "Send <    >      Del"], Rows);
    }

    [Fact]
    public async Task EndKey_LeavesTheMessageScreensForIdle()
    {
        await rig.Start();
        await rig.Press(PhoneKey.Messages, PhoneKey.Soft2);

        await rig.Press(PhoneKey.End);

        Assert.StartsWith("Ext 101", rig.Screen);
    }

    private async Task SendToDigits(string extension, string keys)
    {
        await rig.Start();
        await rig.Press(PhoneKey.Messages, PhoneKey.Soft2);
        await rig.Type(extension);
        await rig.Press(PhoneKey.Send);
        await rig.Type(keys);
        await rig.Press(PhoneKey.Send);
    }

    private sealed class FakeContacts(params MessageContact[] contacts) : IMessageContacts
    {
        public IReadOnlyList<MessageContact> All => contacts;
    }
}
