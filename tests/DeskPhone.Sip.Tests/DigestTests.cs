using DeskPhone.Sip.Auth;

namespace DeskPhone.Sip.Tests;

public sealed class DigestTests
{
    [Fact]
    public void Build_MatchesRfc2617WorkedExample()
    {
        // RFC 2617 §3.5: the example's response digest is 6629fae49393a05397450978507c4ef1.
        Assert.True(DigestChallenge.TryParse(
            "Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"",
            out var challenge));

        var value = DigestCredentials.Build(challenge, "Mufasa", "Circle Of Life", "GET", "/dir/index.html", 1, "0a4f113b");

        Assert.Contains("response=\"6629fae49393a05397450978507c4ef1\"", value);
        Assert.Contains("nc=00000001", value);
        Assert.Contains("opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"", value);
    }

    [Fact]
    public void TryParse_WithoutNonce_Fails()
    {
        Assert.False(DigestChallenge.TryParse("Digest realm=\"x\"", out _));
        Assert.False(DigestChallenge.TryParse("Basic realm=\"x\"", out _));
    }

    [Fact]
    public void TryParse_StaleAndAlgorithm_AreRead()
    {
        Assert.True(DigestChallenge.TryParse("Digest realm=\"r\", nonce=\"n\", stale=TRUE, algorithm=SHA-256", out var challenge));
        Assert.True(challenge.Stale);
        Assert.False(DigestCredentials.Supports(challenge));
    }
}
