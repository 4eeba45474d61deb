using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Subscriptions;

namespace DeskPhone.Sip.Tests.Subscriptions;

/// <summary>Refresh, termination (RFC 6665 §4.1.2.2, §4.1.3) and back-off, on the fake clock.</summary>
public sealed class RefreshTests : IDisposable
{
    private readonly VoicemailServer server = new();

    public void Dispose() => server.Dispose();

    [Fact]
    public async Task Refresh_ComesAt85PercentOfTheGrantedLifetime()
    {
        await server.Start();
        await server.Accept(expires: 600);
        await server.Notify(VoicemailServer.Summary, state: "active");
        Assert.Equal(server.Harness.Clock.GetUtcNow().AddSeconds(600), await server.Harness.OnLoop(() => server.Subscription.ExpiresAt));

        await server.Harness.Advance(TimeSpan.FromSeconds(509));
        Assert.Single(server.Subscribes);
        await server.Harness.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, server.Subscribes.Count);
    }

    [Fact]
    public async Task Refresh_FollowsTheLifetimeLastGiven_ANotifysExpires()
    {
        await server.Start();
        await server.Accept(expires: 3600);

        await server.Notify(VoicemailServer.Summary, "active;expires=100");

        await server.Harness.Advance(TimeSpan.FromSeconds(84));
        Assert.Single(server.Subscribes);
        await server.Harness.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, server.Subscribes.Count);

        // The refresh's 2xx grants 200 s: the next one at 170 s.
        await server.Accept(expires: 200);
        await server.Harness.Advance(TimeSpan.FromSeconds(169));
        Assert.Equal(2, server.Subscribes.Count);
        await server.Harness.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, server.Subscribes.Count);
    }

    [Fact]
    public async Task Refresh_AnsweredWith481_StartsANewSubscriptionAtOnce()
    {
        await server.Subscribe(expires: 100);
        var first = server.LastSubscribe;
        await server.Harness.Advance(TimeSpan.FromSeconds(85));

        await server.Answer(481, "Subscription Does Not Exist");

        var renewed = server.LastSubscribe;
        Assert.Equal(3, server.Subscribes.Count);
        Assert.NotEqual(first.CallId, renewed.CallId);
        Assert.Null(renewed.To.Tag);
        Assert.Equal("sip:101@deskphone.lab", renewed.RequestUri);
    }

    [Fact]
    public async Task Refresh_Challenged_IsAnsweredInsideTheDialog()
    {
        await server.Subscribe(expires: 100);
        await server.Harness.Advance(TimeSpan.FromSeconds(85));

        await server.Answer(401, "Unauthorized", (HeaderNames.WwwAuthenticate, "Digest realm=\"deskphone.lab\", nonce=\"r9\""));

        var retry = server.LastSubscribe;
        Assert.Contains("uri=\"sip:vm@127.0.0.1:5060\"", retry.Get(HeaderNames.Authorization));
        Assert.Equal(VoicemailServer.ServerTag, retry.To.Tag);
    }

    [Theory]
    [InlineData("deactivated")]
    [InlineData("timeout")]
    public async Task Terminated_ToBeRenewed_SubscribesAgainAtOnce(string reason)
    {
        await server.Subscribe();
        var first = server.LastSubscribe;

        await server.Notify(string.Empty, "terminated;reason=" + reason);

        Assert.Equal(200, server.LastNotifyAnswer.StatusCode);
        Assert.Equal(2, server.Subscribes.Count);
        Assert.NotEqual(first.CallId, server.LastSubscribe.CallId);
        Assert.Null(server.LastSubscribe.To.Tag);
        Assert.Equal(SubscriptionPhase.Subscribing, await server.Phase());
    }

    [Fact]
    public async Task Terminated_AtOnceAgainAndAgain_BacksOffAfterThreeImmediateRenewals()
    {
        await server.Start();
        for (var i = 0; i < 4; i++)
        {
            await server.Notify(string.Empty, "terminated;reason=deactivated");
        }

        Assert.Equal(4, server.Subscribes.Count);
        Assert.Equal(SubscriptionPhase.Retrying, await server.Phase());
    }

    [Theory]
    [InlineData("rejected")]
    [InlineData("noresource")]
    public async Task Terminated_ForGood_StopsSubscribing(string reason)
    {
        await server.Subscribe();

        await server.Notify("Messages-Waiting: no\r\n", "terminated;reason=" + reason);

        Assert.Equal(200, server.LastNotifyAnswer.StatusCode);
        Assert.False(server.Changes[^1].Waiting);
        Assert.Equal(SubscriptionPhase.Refused, await server.Phase());
        await server.Harness.Advance(TimeSpan.FromHours(2));
        Assert.Single(server.Subscribes);
    }

    [Fact]
    public async Task Terminated_OnProbation_WaitsForRetryAfter()
    {
        await server.Subscribe();

        await server.Notify(string.Empty, "terminated;reason=probation;retry-after=120");

        Assert.Equal(SubscriptionPhase.Retrying, await server.Phase());
        await server.Harness.Advance(TimeSpan.FromSeconds(119));
        Assert.Single(server.Subscribes);
        await server.Harness.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, server.Subscribes.Count);
    }

    [Fact]
    public async Task Failure_500_BacksOffDoublingWithJitter()
    {
        await server.Start();

        await server.Answer(500, "Server Internal Error");
        Assert.Equal(server.Harness.Clock.GetUtcNow().AddSeconds(30), await server.Harness.OnLoop(() => server.Subscription.RetryAt));
        await server.Harness.Advance(TimeSpan.FromSeconds(29));
        Assert.Single(server.Subscribes);
        await server.Harness.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, server.Subscribes.Count);

        await server.Answer(503, "Service Unavailable");
        await server.Harness.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(2, server.Subscribes.Count);
        await server.Harness.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, server.Subscribes.Count);
    }

    [Fact]
    public async Task Failure_WithLeastJitter_WaitsHalfTheCeiling()
    {
        server.Subscription.NextJitter = () => 0;
        await server.Start();

        await server.Answer(500, "Server Internal Error");

        Assert.Equal(server.Harness.Clock.GetUtcNow().AddSeconds(15), await server.Harness.OnLoop(() => server.Subscription.RetryAt));
    }

    [Fact]
    public async Task Failure_NoAnswer_RetriesOnceAfterTheBackOff()
    {
        await server.Start();

        // Timer F and Timer N (both 64·T1) end the attempt together: one failure, one retry.
        await server.Harness.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(SubscriptionPhase.Retrying, await server.Phase());
        var sent = server.Subscribes.Count;
        await server.Harness.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(sent + 1, server.Subscribes.Count);
        Assert.Equal(SubscriptionPhase.Subscribing, await server.Phase());
    }

    [Fact]
    public async Task Accepted_ButNeverNotified_FailsWhenTimerNFires()
    {
        await server.Start();
        await server.Accept();

        await server.Harness.Advance(TimeSpan.FromSeconds(32));

        Assert.Equal(SubscriptionPhase.Retrying, await server.Phase());
    }

    [Theory]
    [InlineData(489, "Bad Event")]
    [InlineData(405, "Method Not Allowed")]
    [InlineData(501, "Not Implemented")]
    public async Task NoVoicemailPackage_StopsRetrying_UntilTheNextStart(int code, string reason)
    {
        await server.Start();

        await server.Answer(code, reason);

        Assert.Equal(SubscriptionPhase.Refused, await server.Phase());
        await server.Harness.Advance(TimeSpan.FromHours(3));
        Assert.Single(server.Subscribes);

        await server.Harness.OnLoop(server.Subscription.Stop);
        await server.Start();
        Assert.Equal(2, server.Subscribes.Count);
    }
}
