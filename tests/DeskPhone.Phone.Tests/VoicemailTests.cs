using DeskPhone.Phone.Tests.History;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Phone.Tests;

/// <summary>The voicemail server's message-waiting state (RFC 3842) on the idle screen and the message LED.</summary>
public sealed class VoicemailTests : IDisposable
{
    private readonly PhoneTestRig rig = new(voicemail: true);

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task NothingIsSubscribed_UntilThePhoneIsRegistered()
    {
        await rig.Start();

        Assert.Empty(rig.Transport.Requests("SUBSCRIBE"));

        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Register).Single(), 200, "OK"));

        var subscribe = Assert.Single(rig.Transport.Requests("SUBSCRIBE"));
        Assert.Equal("message-summary", subscribe.Get("Event"));
    }

    [Fact]
    public async Task MessagesWaiting_ShowOnTheIdleScreen_AndLightTheLed_UntilTheServerSaysNo()
    {
        var notify = await Subscribed();

        await rig.Receive(notify("Messages-Waiting: yes\r\nVoice-Message: 2/8 (1/0)\r\n"));

        Assert.Equal(["Ext 101        09:30", "Registered", "Voicemail: 2 new", "Tue 24 Nov 2026"], Lines());
        Assert.True(rig.Hardware.Indicators.MessageWaiting);

        await rig.Receive(notify("Messages-Waiting: no\r\nVoice-Message: 0/10\r\n"));

        Assert.Equal(["Ext 101        09:30", "Registered", string.Empty, "Tue 24 Nov 2026"], Lines());
        Assert.False(rig.Hardware.Indicators.MessageWaiting);
    }

    [Fact]
    public async Task WaitingWithoutCounts_SaysSo_AndMissedCallsComeFirst()
    {
        var notify = await Subscribed();
        await rig.Receive(Far.Invite());
        await rig.Receive(Far.Cancel());

        await rig.Receive(notify("Messages-Waiting: yes\r\n"));

        Assert.Equal(["Ext 101        09:30", "Registered", "1 missed call", "Voicemail waiting"], Lines());
        Assert.True(rig.Hardware.Indicators.MessageWaiting);
    }

    [Fact]
    public async Task ScreensPage_ShowsTheVoicemailScreens()
    {
        var notify = await Subscribed();
        await rig.Receive(notify("Messages-Waiting: yes\r\nVoice-Message: 2/8 (1/0)\r\n"));
        var counted = ScreensPage.Frame(rig);
        await rig.Receive(Far.Invite());
        await rig.Receive(Far.Cancel());
        await rig.Receive(notify("Messages-Waiting: yes\r\n"));

        var missing = ScreensPage.Missing([counted, ScreensPage.Frame(rig)]);

        Assert.True(missing.Length == 0, "docs/screens.md lacks these screens:\n\n" + missing);
    }

    /// <summary>Registers, accepts the SUBSCRIBE and returns a writer of NOTIFYs in its dialog.</summary>
    private async Task<Func<string, string>> Subscribed()
    {
        await rig.Start();
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Register).Single(), 200, "OK"));
        var subscribe = rig.Transport.Requests("SUBSCRIBE").Single();
        var ok = Far.Reply(subscribe, 200, "OK");
        ok.Set(HeaderNames.Expires, "3600");
        await rig.Receive(ok);
        var toTag = ok.To.Tag!;
        var sequence = 0;
        return body =>
            $"NOTIFY sip:101@127.0.0.1:5070 SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKmwi{++sequence}\r\n" +
            $"From: <sip:101@pbx>;tag={toTag}\r\n" +
            $"To: <sip:101@pbx>;tag={subscribe.From.Tag}\r\n" +
            $"Call-ID: {subscribe.CallId}\r\n" +
            $"CSeq: {sequence} NOTIFY\r\n" +
            "Contact: <sip:voicemail@127.0.0.1:5060>\r\n" +
            "Event: message-summary\r\n" +
            "Subscription-State: active;expires=3600\r\n" +
            "Content-Type: application/simple-message-summary\r\n" +
            $"Content-Length: {body.Length}\r\n\r\n{body}";
    }

    private string[] Lines() => [.. rig.Hardware.Screen.Lines.Select(l => l.TrimEnd())];
}
