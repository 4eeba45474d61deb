using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Subscriptions;

namespace DeskPhone.Sip.Tests.Subscriptions;

/// <summary>The SUBSCRIBE (RFC 6665 §4.1.2.1, RFC 3842 §3.6), its challenges and the dialog it creates.</summary>
public sealed class SubscribeTests : IDisposable
{
    private readonly VoicemailServer server = new();

    public void Dispose() => server.Dispose();

    [Fact]
    public async Task Start_SubscribesToTheOwnAddressOfRecord_ForMessageSummaries()
    {
        await server.Start();

        var (message, destination) = Assert.Single(server.Harness.Transport.Sent);
        var subscribe = Assert.IsType<SipRequest>(message);
        Assert.Equal(SipTestHarness.Pbx, destination);
        Assert.Equal("SUBSCRIBE", subscribe.Method);
        Assert.Equal("sip:101@deskphone.lab", subscribe.RequestUri);
        Assert.Equal("sip:101@deskphone.lab", subscribe.To.Uri);
        Assert.Null(subscribe.To.Tag);
        Assert.Equal("sip:101@deskphone.lab", subscribe.From.Uri);
        Assert.NotNull(subscribe.From.Tag);
        Assert.Equal("message-summary", subscribe.Get(HeaderNames.Event));
        Assert.Equal("application/simple-message-summary", subscribe.Get(HeaderNames.Accept));
        Assert.Equal("3600", subscribe.Get(HeaderNames.Expires));
        Assert.Equal($"<{server.Harness.Agent.ContactUri}>", subscribe.Get(HeaderNames.Contact));
        Assert.Equal(new CSeq(subscribe.CSeq.Number, "SUBSCRIBE"), subscribe.CSeq);
        Assert.Equal(SubscriptionPhase.Subscribing, await server.Phase());
    }

    [Fact]
    public async Task Start_WithOptions_AsksForTheirLifetimeAndMailbox()
    {
        using var other = new VoicemailServer(new MessageWaitingOptions { ExpiresSeconds = 600, MailboxUri = "sip:*97@deskphone.lab" });

        await other.Start();

        Assert.Equal("600", other.LastSubscribe.Get(HeaderNames.Expires));
        Assert.Equal("sip:*97@deskphone.lab", other.LastSubscribe.RequestUri);
        Assert.Equal("sip:*97@deskphone.lab", other.LastSubscribe.To.Uri);
    }

    [Theory]
    [InlineData(59, null, "ExpiresSeconds")]
    [InlineData(3600, "tel:+3906", "MailboxUri")]
    public void Options_Invalid_AreRefusedNamingTheKey(int expires, string? mailbox, string key)
    {
        var options = new MessageWaitingOptions { ExpiresSeconds = expires, MailboxUri = mailbox };

        Assert.Contains(key, Assert.Single(options.Validate()));
        using var harness = new SipTestHarness();
        Assert.Throws<ArgumentException>(() => new MessageWaitingSubscription(harness.Agent, options, Microsoft.Extensions.Logging.Abstractions.NullLogger<MessageWaitingSubscription>.Instance));
    }

    [Fact]
    public async Task Challenges_401Then407_AreEachAnsweredOnce_WithTheirOwnHeader()
    {
        await server.Start();
        var first = server.LastSubscribe;

        await server.Answer(401, "Unauthorized", (HeaderNames.WwwAuthenticate, "Digest realm=\"deskphone.lab\", nonce=\"r1\", qop=\"auth\""));
        var second = server.LastSubscribe;
        var authorization = second.Get(HeaderNames.Authorization);
        Assert.Contains("username=\"101\"", authorization);
        Assert.Contains("uri=\"sip:101@deskphone.lab\"", authorization);
        Assert.Null(second.Get(HeaderNames.ProxyAuthorization));
        Assert.Equal((first.CallId, first.From.Tag, first.CSeq.Number + 1), (second.CallId, second.From.Tag, second.CSeq.Number));

        await server.Answer(407, "Proxy Authentication Required", (HeaderNames.ProxyAuthenticate, "Digest realm=\"proxy.lab\", nonce=\"p1\", algorithm=SHA-256"));
        var third = server.LastSubscribe;
        Assert.Contains("realm=\"proxy.lab\"", third.Get(HeaderNames.ProxyAuthorization));
        Assert.Contains("algorithm=SHA-256", third.Get(HeaderNames.ProxyAuthorization));
        Assert.Equal(second.CSeq.Number + 1, third.CSeq.Number);

        // The same realm challenging again refuses the credentials: no loop, a back-off instead.
        await server.Answer(407, "Proxy Authentication Required", (HeaderNames.ProxyAuthenticate, "Digest realm=\"proxy.lab\", nonce=\"p2\", algorithm=SHA-256"));
        Assert.Equal(3, server.Subscribes.Count);
        Assert.Equal(SubscriptionPhase.Retrying, await server.Phase());
    }

    [Fact]
    public async Task Accepted_CreatesTheDialog_AndRefreshesInsideIt()
    {
        await server.Start();
        var first = server.LastSubscribe;
        await server.Accept(expires: 600);
        Assert.Equal(SubscriptionPhase.Active, await server.Phase());

        await server.Notify(VoicemailServer.Summary);
        Assert.Equal(200, server.LastNotifyAnswer.StatusCode);

        await server.Harness.Advance(TimeSpan.FromSeconds(3060));
        var refresh = server.LastSubscribe;
        Assert.Equal(2, server.Subscribes.Count);
        Assert.Equal("sip:vm@127.0.0.1:5060", refresh.RequestUri);
        Assert.Equal(VoicemailServer.ServerTag, refresh.To.Tag);
        Assert.Equal((first.CallId, first.From.Tag), (refresh.CallId, refresh.From.Tag));
        Assert.True(refresh.CSeq.Number > first.CSeq.Number);
        Assert.Equal("3600", refresh.Get(HeaderNames.Expires));
    }

    [Fact]
    public async Task NotifyBeforeThe2xx_CreatesTheDialog_AndThe2xxJoinsIt()
    {
        await server.Start();
        var subscribe = server.LastSubscribe;

        await server.Notify(VoicemailServer.Summary, "active;expires=3600", fromTag: "early-tag");

        Assert.Equal(200, server.LastNotifyAnswer.StatusCode);
        Assert.Equal(new MessageWaitingState(true, "sip:*97@deskphone.lab", new MessageCounts(2, 8, 1, 0)), Assert.Single(server.Changes));

        await server.Harness.Receive(Peer.Reply(subscribe, 200, "OK", "early-tag", (HeaderNames.Expires, "3600"), (HeaderNames.Contact, VoicemailServer.ServerContact)));
        Assert.Equal(SubscriptionPhase.Active, await server.Phase());

        await server.Harness.Advance(TimeSpan.FromSeconds(3060));
        var refresh = server.LastSubscribe;
        Assert.Equal("early-tag", refresh.To.Tag);
        Assert.Equal(subscribe.CallId, refresh.CallId);
        Assert.Equal("sip:vm@127.0.0.1:5060", refresh.RequestUri);
    }

    [Fact]
    public async Task NotifyFromASecondNotifier_IsToldTheSubscriptionDoesNotExist()
    {
        await server.Subscribe();

        await server.Notify("Messages-Waiting: no\r\n", fromTag: "forked-tag");

        Assert.Equal(481, server.LastNotifyAnswer.StatusCode);
        Assert.Single(server.Changes);
    }

    [Fact]
    public async Task Stop_RemovesTheSubscriptionWithExpiresZero_AndCompletesOnTheAnswer()
    {
        await server.Subscribe();

        var stopped = await server.Harness.OnLoop(server.Subscription.Stop);
        var removal = server.LastSubscribe;
        Assert.Equal("0", removal.Get(HeaderNames.Expires));
        Assert.Equal(VoicemailServer.ServerTag, removal.To.Tag);
        Assert.False(stopped.IsCompleted);
        Assert.Equal(SubscriptionPhase.Idle, await server.Phase());

        await server.Answer(200, "OK");
        await stopped;

        // The notifier's final NOTIFY is still taken; nothing is refreshed any more.
        await server.Notify(string.Empty, "terminated;reason=timeout");
        Assert.Equal(200, server.LastNotifyAnswer.StatusCode);
        await server.Harness.Advance(TimeSpan.FromHours(2));
        Assert.Equal(2, server.Subscribes.Count);
    }

    [Fact]
    public async Task Stop_BeforeTheServerAnswered_TakesALate2xxDownAgain()
    {
        await server.Start();
        await server.Harness.OnLoop(server.Subscription.Stop);

        await server.Accept();

        Assert.Equal("0", server.LastSubscribe.Get(HeaderNames.Expires));
        Assert.Equal(2, server.Subscribes.Count);
    }
}
