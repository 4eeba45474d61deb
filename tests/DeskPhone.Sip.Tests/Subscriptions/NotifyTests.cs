using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Subscriptions;

namespace DeskPhone.Sip.Tests.Subscriptions;

/// <summary>NOTIFYs in the subscription (RFC 6665 §4.1.2.4, §8.2; RFC 3842 §3.9, §5).</summary>
public sealed class NotifyTests : IDisposable
{
    private readonly VoicemailServer server = new();

    public void Dispose() => server.Dispose();

    [Fact]
    public async Task Notify_WithASummary_IsAnswered200_AndRaisesTheNewState()
    {
        await server.Start();
        await server.Accept();

        await server.Notify("Messages-Waiting: yes\r\nVoice-Message: 2/8\r\n");
        await server.Notify("Messages-Waiting: yes\r\nVoice-Message: 2/8\r\n");
        await server.Notify("Messages-Waiting: no\nVoice-Message: 0/10\n");

        Assert.Equal(3, server.Harness.Transport.Responses(200).Count(r => r.CSeq.Method == SipMethods.Notify));
        Assert.Equal(
            [new MessageWaitingState(true, null, new MessageCounts(2, 8, 0, 0)), new MessageWaitingState(false, null, new MessageCounts(0, 10, 0, 0))],
            server.Changes);
        Assert.Equal(server.Changes[^1], await server.Harness.OnLoop(() => server.Subscription.State));
    }

    [Fact]
    public async Task Notify_WithoutBody_KeepsTheState()
    {
        await server.Subscribe();

        await server.Notify(string.Empty, "pending;expires=3000");

        Assert.Equal(200, server.LastNotifyAnswer.StatusCode);
        Assert.Single(server.Changes);
    }

    [Theory]
    [InlineData("Messages-Waiting: perhaps\r\n", "Bad Request - Messages-Waiting is neither yes nor no")]
    [InlineData("Voice-Message: 2/8\r\n", "Bad Request - no Messages-Waiting line")]
    [InlineData("Messages-Waiting: no\r\nVoice-Message: 2-8\r\n", "Bad Request - Voice-Message counts malformed")]
    public async Task Notify_MalformedBody_Gets400NamingTheDefect_AndChangesNothing(string body, string reason)
    {
        await server.Subscribe();

        await server.Notify(body);

        var answer = server.LastNotifyAnswer;
        Assert.Equal((400, reason), (answer.StatusCode, answer.ReasonPhrase));
        Assert.True(server.Changes.Single().Waiting);
    }

    [Fact]
    public async Task Notify_WithoutSubscriptionState_Gets400()
    {
        await server.Subscribe();

        await server.Notify("Messages-Waiting: no\r\n", state: null);

        Assert.Equal((400, "Bad Request - missing or malformed Subscription-State"), (server.LastNotifyAnswer.StatusCode, server.LastNotifyAnswer.ReasonPhrase));
        Assert.Single(server.Changes);
    }

    [Fact]
    public async Task Notify_ForAnotherEvent_Gets489_NamingOurs()
    {
        await server.Subscribe();

        await server.Notify("Messages-Waiting: no\r\n", eventHeader: "presence");

        var answer = server.LastNotifyAnswer;
        Assert.Equal(489, answer.StatusCode);
        Assert.Equal("message-summary", answer.Get(HeaderNames.AllowEvents));
        Assert.Single(server.Changes);
    }

    [Fact]
    public async Task Notify_EventWithParametersAndOtherCase_IsOurs()
    {
        await server.Subscribe();

        await server.Notify("Messages-Waiting: no\r\n", eventHeader: "Message-Summary;id=7");

        Assert.Equal(200, server.LastNotifyAnswer.StatusCode);
        Assert.False(server.Changes[^1].Waiting);
    }

    [Fact]
    public async Task Notify_OfAnotherType_Gets415_WithWhatWeAccept()
    {
        await server.Subscribe();

        await server.Notify("<xml/>", contentType: "application/xml");

        Assert.Equal(415, server.LastNotifyAnswer.StatusCode);
        Assert.Equal("application/simple-message-summary", server.LastNotifyAnswer.Get(HeaderNames.Accept));
    }

    [Theory]
    [InlineData("unknown-call-id", null)]
    [InlineData(null, "unknown-tag")]
    public async Task Notify_ForNoSubscriptionOfOurs_Gets481(string? callId, string? toTag)
    {
        await server.Subscribe();

        await server.Notify("Messages-Waiting: no\r\n", callId: callId, toTag: toTag);

        Assert.Equal(481, server.LastNotifyAnswer.StatusCode);
        Assert.Single(server.Changes);
    }

    [Fact]
    public async Task Notify_AfterTheSubscriptionFailed_Gets481()
    {
        await server.Start();
        var subscribe = server.LastSubscribe;
        await server.Answer(500, "Server Internal Error");

        await server.Harness.Receive(
            "NOTIFY sip:101@127.0.0.1:5070 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKlate\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:101@deskphone.lab>;tag=vm\r\nTo: <sip:101@deskphone.lab>;tag={subscribe.From.Tag}\r\nCall-ID: {subscribe.CallId}\r\nCSeq: 1 NOTIFY\r\n" +
            "Event: message-summary\r\nSubscription-State: active\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal(481, server.LastNotifyAnswer.StatusCode);
    }
}
