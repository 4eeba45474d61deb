using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Registration;

namespace DeskPhone.Sip.Tests;

public sealed class RegistrationTests : IDisposable
{
    private const string Challenge = "Digest realm=\"deskphone.lab\", nonce=\"n1\", qop=\"auth\"";
    private readonly SipTestHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Register_On401_ResendsWithDigestAndBecomesRegistered()
    {
        await harness.OnLoop(harness.Agent.Registration.Start);
        var first = harness.Transport.LastRequest(SipMethods.Register);
        Assert.Null(first.Get(HeaderNames.Authorization));

        await harness.Receive(Peer.Reply(first, 401, "Unauthorized", "srv", (HeaderNames.WwwAuthenticate, Challenge)));
        var second = harness.Transport.LastRequest(SipMethods.Register);
        Assert.Contains("username=\"101\"", second.Get(HeaderNames.Authorization));
        Assert.Equal(first.CallId, second.CallId);
        Assert.Equal(first.CSeq.Number + 1, second.CSeq.Number);

        await harness.Receive(Peer.Reply(second, 200, "OK", "srv", (HeaderNames.Contact, $"<{harness.Agent.ContactUri}>;expires=120")));

        var status = await harness.OnLoop(() => harness.Agent.Registration.Status);
        Assert.Equal(RegistrationPhase.Registered, status.Phase);
        Assert.Equal(harness.Clock.GetUtcNow().AddSeconds(120), status.ExpiresAt);
    }

    [Fact]
    public async Task Register_WhenGranted_RefreshesBeforeExpiry()
    {
        await RegisterWithoutChallenge(expires: 120);
        var before = harness.Transport.Requests(SipMethods.Register).Count();

        await harness.Advance(TimeSpan.FromSeconds(95));
        Assert.Equal(before, harness.Transport.Requests(SipMethods.Register).Count());

        await harness.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(before + 1, harness.Transport.Requests(SipMethods.Register).Count());
    }

    [Fact]
    public async Task Register_WrongPassword_FailsWithCodeAndBacksOffInsteadOfHammering()
    {
        harness.Agent.Registration.NextJitter = () => 1;
        await harness.OnLoop(harness.Agent.Registration.Start);
        await harness.Receive(Peer.Reply(harness.Transport.LastRequest(SipMethods.Register), 401, "Unauthorized", "s", (HeaderNames.WwwAuthenticate, Challenge)));

        // The PBX rejects our credentials by challenging again with the same nonce.
        await harness.Receive(Peer.Reply(harness.Transport.LastRequest(SipMethods.Register), 401, "Unauthorized", "s", (HeaderNames.WwwAuthenticate, Challenge)));

        var status = await harness.OnLoop(() => harness.Agent.Registration.Status);
        Assert.Equal(RegistrationPhase.Failed, status.Phase);
        Assert.Equal(401, status.StatusCode);
        Assert.Equal(2, harness.Transport.Requests(SipMethods.Register).Count());

        // With the largest jitter, nothing more for the whole first back-off period (30 s), then exactly one new attempt.
        await harness.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(2, harness.Transport.Requests(SipMethods.Register).Count());
        await harness.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, harness.Transport.Requests(SipMethods.Register).Count());

        // A second failure doubles the delay to 60 s.
        await harness.Receive(Peer.Reply(harness.Transport.LastRequest(SipMethods.Register), 403, "Forbidden", "s"));
        await harness.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(3, harness.Transport.Requests(SipMethods.Register).Count());
        await harness.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(4, harness.Transport.Requests(SipMethods.Register).Count());
    }

    [Fact]
    public async Task Register_RechallengedWithAFreshNonce_FailsInsteadOfLooping()
    {
        await harness.OnLoop(harness.Agent.Registration.Start);
        await harness.Receive(Peer.Reply(harness.Transport.LastRequest(SipMethods.Register), 401, "Unauthorized", "s", (HeaderNames.WwwAuthenticate, Challenge)));

        // Kamailio answers a wrong password with a new challenge carrying a new nonce.
        await harness.Receive(Peer.Reply(harness.Transport.LastRequest(SipMethods.Register), 401, "Unauthorized", "s", (HeaderNames.WwwAuthenticate, Challenge.Replace("n1", "n2"))));

        Assert.Equal(RegistrationPhase.Failed, (await harness.OnLoop(() => harness.Agent.Registration.Status)).Phase);
        Assert.Equal(2, harness.Transport.Requests(SipMethods.Register).Count());
    }

    [Fact]
    public async Task Register_RechallengedAsStale_AnswersAgain()
    {
        await harness.OnLoop(harness.Agent.Registration.Start);
        await harness.Receive(Peer.Reply(harness.Transport.LastRequest(SipMethods.Register), 401, "Unauthorized", "s", (HeaderNames.WwwAuthenticate, Challenge)));

        await harness.Receive(Peer.Reply(harness.Transport.LastRequest(SipMethods.Register), 401, "Unauthorized", "s", (HeaderNames.WwwAuthenticate, Challenge.Replace("n1", "n2") + ", stale=true")));

        Assert.Equal(3, harness.Transport.Requests(SipMethods.Register).Count());
        Assert.Contains("nonce=\"n2\"", harness.Transport.LastRequest(SipMethods.Register).Get(HeaderNames.Authorization));
    }

    [Fact]
    public async Task Register_NoAnswer_RetransmitsPerTimerEThenFailsWith408()
    {
        await harness.OnLoop(harness.Agent.Registration.Start);

        // Timer E: T1, 2T1, 4T1, then capped at T2 (RFC 3261 §17.1.2.2).
        await harness.Advance(TimeSpan.FromMilliseconds(500));
        await harness.Advance(TimeSpan.FromMilliseconds(1000));
        await harness.Advance(TimeSpan.FromMilliseconds(2000));
        Assert.Equal(4, harness.Transport.Requests(SipMethods.Register).Count());
        Assert.Single(harness.Transport.Requests(SipMethods.Register).Select(r => r.TopVia.Branch).Distinct());

        await harness.Advance(TimeSpan.FromSeconds(28.5));
        var status = await harness.OnLoop(() => harness.Agent.Registration.Status);
        Assert.Equal(RegistrationPhase.Failed, status.Phase);
        Assert.Equal(408, status.StatusCode);
    }

    [Fact]
    public async Task Register_SeveralChallenges_AnswersTheStrongestAlgorithmPerRealm()
    {
        await harness.OnLoop(harness.Agent.Registration.Start);
        var first = harness.Transport.LastRequest(SipMethods.Register);
        var challenge = Peer.Reply(first, 401, "Unauthorized", "s");
        challenge.Add(HeaderNames.WwwAuthenticate, "Digest realm=\"a\", nonce=\"1\", algorithm=MD5");
        challenge.Add(HeaderNames.WwwAuthenticate, "Digest realm=\"a\", nonce=\"2\", algorithm=SHA-512-256");
        challenge.Add(HeaderNames.WwwAuthenticate, "Digest realm=\"a\", nonce=\"3\", algorithm=SHA-256");
        challenge.Add(HeaderNames.WwwAuthenticate, "Digest realm=\"b\", nonce=\"4\", algorithm=MD5");

        await harness.Receive(challenge);

        var credentials = harness.Transport.LastRequest(SipMethods.Register).Headers.Where(h => h.Name == HeaderNames.Authorization).Select(h => h.Value).ToList();
        Assert.Equal(2, credentials.Count);
        Assert.Contains(credentials, c => c.Contains("realm=\"a\"") && c.Contains("algorithm=SHA-512-256") && c.Contains("nonce=\"2\""));
        Assert.Contains(credentials, c => c.Contains("realm=\"b\"") && c.Contains("algorithm=MD5"));
    }

    [Theory]
    [InlineData(0.0, 15)]
    [InlineData(0.5, 22.5)]
    public async Task Register_Failure_WaitsBetweenHalfAndAllOfTheBackOffCeiling(double jitter, double seconds)
    {
        harness.Agent.Registration.NextJitter = () => jitter;
        await harness.OnLoop(harness.Agent.Registration.Start);
        await harness.Receive(Peer.Reply(harness.Transport.LastRequest(SipMethods.Register), 503, "Service Unavailable", "s"));

        var status = await harness.OnLoop(() => harness.Agent.Registration.Status);
        Assert.Equal(harness.Clock.GetUtcNow().AddSeconds(seconds), status.RetryAt);
        await harness.Advance(TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(1));
        Assert.Single(harness.Transport.Requests(SipMethods.Register));
        await harness.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, harness.Transport.Requests(SipMethods.Register).Count());
    }

    [Fact]
    public async Task Register_IntervalTooBrief_AsksAgainForTheMinimumAndKeepsIt()
    {
        await harness.OnLoop(harness.Agent.Registration.Start);
        var first = harness.Transport.LastRequest(SipMethods.Register);

        await harness.Receive(Peer.Reply(first, 423, "Interval Too Brief", "s", (HeaderNames.MinExpires, "7200")));

        var second = harness.Transport.LastRequest(SipMethods.Register);
        Assert.Equal("7200", second.Get(HeaderNames.Expires));
        Assert.Equal(first.CSeq.Number + 1, second.CSeq.Number);
        await harness.Receive(Peer.Reply(second, 200, "OK", "s", (HeaderNames.Expires, "7200")));
        Assert.Equal(RegistrationPhase.Registered, (await harness.OnLoop(() => harness.Agent.Registration.Status)).Phase);

        await harness.Advance(TimeSpan.FromSeconds(7200 - 300));
        Assert.Equal("7200", harness.Transport.LastRequest(SipMethods.Register).Get(HeaderNames.Expires));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("60")]
    [InlineData("banana")]
    public async Task Register_IntervalTooBriefWithoutALongerMinimum_IsAFailure(string? minExpires)
    {
        await harness.OnLoop(harness.Agent.Registration.Start);
        var reply = Peer.Reply(harness.Transport.LastRequest(SipMethods.Register), 423, "Interval Too Brief", "s");
        if (minExpires is not null)
        {
            reply.Add(HeaderNames.MinExpires, minExpires);
        }

        await harness.Receive(reply);

        var status = await harness.OnLoop(() => harness.Agent.Registration.Status);
        Assert.Equal(RegistrationPhase.Failed, status.Phase);
        Assert.Equal(423, status.StatusCode);
        Assert.Single(harness.Transport.Requests(SipMethods.Register));
    }

    [Fact]
    public async Task Stop_WhenRegistered_AnswersTheChallengeToTheDeRegisterAndCompletesOnItsAnswer()
    {
        await RegisterWithoutChallenge(expires: 3600);

        var stopped = await harness.OnLoop(harness.Agent.Registration.Stop);
        var removal = harness.Transport.LastRequest(SipMethods.Register);
        Assert.Equal("0", removal.Get(HeaderNames.Expires));
        Assert.False(stopped.IsCompleted);

        await harness.Receive(Peer.Reply(removal, 401, "Unauthorized", "s", (HeaderNames.WwwAuthenticate, Challenge)));
        var answered = harness.Transport.LastRequest(SipMethods.Register);
        Assert.Equal("0", answered.Get(HeaderNames.Expires));
        Assert.Contains("nonce=\"n1\"", answered.Get(HeaderNames.Authorization));
        Assert.False(stopped.IsCompleted);

        await harness.Receive(Peer.Reply(answered, 200, "OK", "s"));
        await stopped.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(RegistrationPhase.Unregistered, (await harness.OnLoop(() => harness.Agent.Registration.Status)).Phase);
        Assert.Equal(3, harness.Transport.Requests(SipMethods.Register).Count());
    }

    [Fact]
    public async Task Stop_RegistrarSilent_CompletesWhenTheTransactionTimesOut()
    {
        await RegisterWithoutChallenge(expires: 3600);

        var stopped = await harness.OnLoop(harness.Agent.Registration.Stop);
        await harness.Advance(TimeSpan.FromSeconds(31));
        Assert.False(stopped.IsCompleted);

        await harness.Advance(TimeSpan.FromSeconds(1));
        await stopped.WaitAsync(TimeSpan.FromSeconds(10));
        await harness.Advance(TimeSpan.FromHours(1));
        Assert.Equal(2, harness.Transport.Requests(SipMethods.Register).Select(r => r.CSeq.Number).Distinct().Count());
    }

    [Fact]
    public async Task Stop_WhenNotRegistered_SendsNothingAndCompletesAtOnce()
    {
        harness.Agent.Registration.NextJitter = () => 0;
        await harness.OnLoop(harness.Agent.Registration.Start);
        await harness.Receive(Peer.Reply(harness.Transport.LastRequest(SipMethods.Register), 403, "Forbidden", "s"));

        var stopped = await harness.OnLoop(harness.Agent.Registration.Stop);

        Assert.True(stopped.IsCompleted);
        await harness.Advance(TimeSpan.FromMinutes(5));
        Assert.Single(harness.Transport.Requests(SipMethods.Register));
    }

    private async Task RegisterWithoutChallenge(int expires)
    {
        await harness.OnLoop(harness.Agent.Registration.Start);
        await harness.Receive(Peer.Reply(harness.Transport.LastRequest(SipMethods.Register), 200, "OK", "s", (HeaderNames.Expires, expires.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }
}
