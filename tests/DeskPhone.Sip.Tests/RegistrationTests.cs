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
        await harness.OnLoop(harness.Agent.Registration.Start);
        await harness.Receive(Peer.Reply(harness.Transport.LastRequest(SipMethods.Register), 401, "Unauthorized", "s", (HeaderNames.WwwAuthenticate, Challenge)));

        // The PBX rejects our credentials by challenging again with the same nonce.
        await harness.Receive(Peer.Reply(harness.Transport.LastRequest(SipMethods.Register), 401, "Unauthorized", "s", (HeaderNames.WwwAuthenticate, Challenge)));

        var status = await harness.OnLoop(() => harness.Agent.Registration.Status);
        Assert.Equal(RegistrationPhase.Failed, status.Phase);
        Assert.Equal(401, status.StatusCode);
        Assert.Equal(2, harness.Transport.Requests(SipMethods.Register).Count());

        // Nothing more for the first back-off period (30 s), then exactly one new attempt.
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

    private async Task RegisterWithoutChallenge(int expires)
    {
        await harness.OnLoop(harness.Agent.Registration.Start);
        await harness.Receive(Peer.Reply(harness.Transport.LastRequest(SipMethods.Register), 200, "OK", "s", (HeaderNames.Expires, expires.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }
}
