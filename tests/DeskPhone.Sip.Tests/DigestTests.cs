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
        Assert.Equal(DigestAlgorithm.Sha256, challenge.KnownAlgorithm);
        Assert.True(DigestChallenge.TryParse("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-1", out var unknown));
        Assert.False(DigestCredentials.Supports(unknown));
    }

    [Theory]
    [InlineData("MD5", "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Build_MatchesRfc7616Examples(string algorithm, string expected)
    {
        // RFC 7616 §3.9.1.
        Assert.True(DigestChallenge.TryParse(
            $"Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm={algorithm}, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"",
            out var challenge));

        var value = DigestCredentials.Build(challenge, "Mufasa", "Circle of Life", "GET", "/dir/index.html", 1, "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");

        Assert.Contains($"response=\"{expected}\"", value);
        Assert.Contains($"algorithm={algorithm}", value);
    }

    [Fact]
    public void Sha512_256_MatchesTheFipsExample()
    {
        // FIPS 180-4 examples (NIST CSRC): SHA-512/256("abc").
        Assert.Equal("53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23", DigestAlgorithm.Sha512_256.HashHex("abc"));
        Assert.Equal("3928e184fb8690f840da3988121d31be65cb9d3ef83ee6146feac861e19b563a", DigestAlgorithm.Sha512_256.HashHex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"));
    }

    [Fact]
    public void SessionVariant_BindsHa1ToTheNonces()
    {
        Assert.True(DigestChallenge.TryParse("Digest realm=\"r\", nonce=\"n\", qop=\"auth\", algorithm=SHA-256-sess", out var session));
        Assert.True(DigestChallenge.TryParse("Digest realm=\"r\", nonce=\"n\", qop=\"auth\", algorithm=SHA-256", out var plain));

        var a = DigestCredentials.Build(session, "u", "p", "REGISTER", "sip:x", 1, "c");
        var b = DigestCredentials.Build(plain, "u", "p", "REGISTER", "sip:x", 1, "c");

        Assert.Contains("algorithm=SHA-256-sess", a);
        Assert.NotEqual(a.Replace("-sess", string.Empty), b);
    }
}
