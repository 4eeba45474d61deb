namespace DeskPhone.Sip.Tests.Conformance;

/// <summary>
/// How the user agent answers what the parser found (RFC 3261 §8.2, RFC 4475 §3.1.2, §3.2–3.4):
/// 400 naming the defect, 505 for another version, drops counted, and the UAS checks of
/// §8.2.2–8.2.3 (416, 420, 415, 406) for well-formed requests.
/// </summary>
public sealed class AnsweringTests : IDisposable
{
    private const string Via = "Via: SIP/2.0/UDP 192.0.2.7;branch=z9hG4bKans";
    private const string From = "From: <sip:carol@lab.example>;tag=1";
    private const string To = "To: <sip:101@lab.example>";

    private readonly AnsweringAgent agent = new();

    public void Dispose() => agent.Dispose();

    [Fact]
    public async Task MalformedRequest_IsAnswered400NamingTheDefect()
    {
        var sent = await agent.StatusLines(Wire.Crlf("INVITE sip:101@lab.example SIP/2.0", Via, From, "To: \"Unclosed <sip:101@lab.example>", "Call-ID: a1", "CSeq: 1 INVITE", "", ""));

        Assert.Equal(["SIP/2.0 400 Bad Request - malformed To"], sent);
    }

    [Fact]
    public async Task RequestMissingCallIdFromAndTo_IsAnswered400WithWhatItHad()
    {
        var sent = Assert.Single(await agent.Exchange(Wire.Crlf("INVITE sip:101@lab.example SIP/2.0", "CSeq: 7 INVITE", Via, "", "")));

        Assert.StartsWith("SIP/2.0 400 Bad Request - missing From\r\n", sent);
        Assert.Contains("\r\n" + Via + "\r\n", sent);
        Assert.Contains("\r\nCSeq: 7 INVITE\r\n", sent);
        Assert.DoesNotContain("From:", sent);
    }

    [Fact]
    public async Task OtherSipVersion_IsAnswered505()
    {
        var sent = await agent.StatusLines(Wire.Crlf("OPTIONS sip:101@lab.example SIP/4.2", Via, From, To, "Call-ID: v1", "CSeq: 1 OPTIONS", "", ""));

        Assert.Equal(["SIP/2.0 505 Version Not Supported"], sent);
    }

    [Fact]
    public async Task MalformedAck_IsNeverAnswered()
    {
        var sent = await agent.Exchange(Wire.Crlf("ACK sip:101@lab.example SIP/2.0", Via, From, To, "Call-ID: k1", "CSeq: 1 INVITE", "", ""));

        Assert.Empty(sent);
    }

    [Fact]
    public async Task UnanswerableDatagramsAndStrayResponses_AreDroppedAndCounted()
    {
        Assert.Empty(await agent.Exchange("complete garbage\r\n\r\n"u8.ToArray()));
        Assert.Empty(await agent.Exchange(Wire.Crlf("SIP/2.0 999 Nope", Via, From, To, "Call-ID: r1", "CSeq: 1 INVITE", "", "")));
        Assert.Empty(await agent.Exchange(Wire.Crlf("SIP/2.0 200 OK", "Via: SIP/2.0/UDP 255.255.255.255;branch=z9hG4bKbcast", From, To + ";tag=2", "Call-ID: r2", "CSeq: 1 INVITE", "", "")));

        Assert.Equal(3, await agent.Dropped());
    }

    [Fact]
    public async Task BareMagicCookieBranch_IsProcessedNormally()
    {
        var sent = await agent.StatusLines(Wire.Crlf("OPTIONS sip:101@lab.example SIP/2.0", "Via: SIP/2.0/UDP 192.0.2.7;branch=z9hG4bK", From, To, "Call-ID: b1", "CSeq: 1 OPTIONS", "", ""));

        Assert.Equal(["SIP/2.0 200 OK"], sent);
    }

    [Theory]
    [InlineData("tel:+15555550101")]
    [InlineData("urn:service:sos")]
    [InlineData("x-unheard-of:anything-at-all")]
    public async Task RequestUriWithAnotherScheme_IsAnswered416(string requestUri)
    {
        var sent = await agent.StatusLines(Wire.Crlf($"OPTIONS {requestUri} SIP/2.0", Via, From, To, "Call-ID: s1", "CSeq: 1 OPTIONS", "", ""));

        Assert.Equal(["SIP/2.0 416 Unsupported URI Scheme"], sent);
    }

    [Fact]
    public async Task UnknownSchemesInFromToAndContact_AreReadAndTheMethodDecides()
    {
        var sent = await agent.StatusLines(Wire.Crlf("REGISTER sip:lab.example SIP/2.0", Via, "From: <https://lab.example/carol>;tag=1", "To: tel:+15555550101", "Call-ID: u1", "CSeq: 1 REGISTER", "Contact: <mailto:carol@lab.example>", "", ""));

        Assert.Equal(["SIP/2.0 405 Method Not Allowed"], sent);
    }

    [Fact]
    public async Task RequireWithUnknownOptionTags_IsAnswered420ListingThem()
    {
        var sent = Assert.Single(await agent.Exchange(Wire.Crlf("OPTIONS sip:101@lab.example SIP/2.0", Via, From, To, "Call-ID: x1", "CSeq: 1 OPTIONS", "Require: teleport, replaces, mind-reading", "Proxy-Require: only-for-proxies", "", "")));

        Assert.StartsWith("SIP/2.0 420 Bad Extension\r\n", sent);
        Assert.Contains("\r\nUnsupported: teleport, mind-reading\r\n", sent);
    }

    [Fact]
    public async Task InviteWithANonSdpBody_IsAnswered415WithAccept()
    {
        var sent = Assert.Single(await agent.Exchange(Wire.Crlf("INVITE sip:101@lab.example SIP/2.0", Via, From, To, "Call-ID: c1", "CSeq: 1 INVITE", "Content-Type: application/x-unheard-of", "Content-Length: 4", "", "data")));

        Assert.StartsWith("SIP/2.0 415 Unsupported Media Type\r\n", sent);
        Assert.Contains("\r\nAccept: application/sdp\r\n", sent);
    }

    [Fact]
    public async Task InviteWhoseAcceptExcludesSdp_IsAnswered406()
    {
        var sent = await agent.StatusLines(Wire.Crlf("INVITE sip:101@lab.example SIP/2.0", Via, From, To, "Call-ID: a2", "CSeq: 1 INVITE", "Accept: text/x-only-this", "Content-Type: application/sdp", "Content-Length: 5", "", "v=0\r\n"));

        Assert.Equal(["SIP/2.0 406 Not Acceptable"], sent);
    }

    [Fact]
    public async Task ZeroMaxForwards_IsProcessedByAnEndpoint()
    {
        var sent = await agent.StatusLines(Wire.Crlf("OPTIONS sip:101@lab.example SIP/2.0", Via, From, To, "Call-ID: z1", "CSeq: 1 OPTIONS", "Max-Forwards: 0", "", ""));

        Assert.Equal(["SIP/2.0 200 OK"], sent);
    }

    [Fact]
    public async Task UnknownAuthorizationScheme_IsReadAndTheMethodDecides()
    {
        var sent = await agent.StatusLines(Wire.Crlf("REGISTER sip:lab.example SIP/2.0", Via, From, To, "Call-ID: au1", "CSeq: 1 REGISTER", "Authorization: Telepathy thought=\"hello\"", "", ""));

        Assert.Equal(["SIP/2.0 405 Method Not Allowed"], sent);
    }

    [Fact]
    public async Task UnknownMethod_IsAnswered501WithAllow()
    {
        var sent = Assert.Single(await agent.Exchange(Wire.Crlf("TELEPORT sip:101@lab.example SIP/2.0", Via, From, To, "Call-ID: m1", "CSeq: 1 TELEPORT", "", "")));

        Assert.StartsWith("SIP/2.0 501 Not Implemented\r\n", sent);
        Assert.Contains("\r\nAllow: ", sent);
    }

    [Fact]
    public async Task Rfc2543StyleInvite_WithoutBranchTagLengthOrMaxForwards_IsProcessed()
    {
        var sent = await agent.StatusLines(Wire.Crlf("INVITE sip:101@lab.example SIP/2.0", "Via: SIP/2.0/UDP old-gateway.lab.example", "From: <sip:+15555550100@lab.example;user=phone>", "To: sip:101@lab.example", "Call-ID: old-style@lab.example", "CSeq: 3 INVITE", "Content-Type: application/sdp", "", "v=0\r\n"));

        Assert.Equal("SIP/2.0 100 Trying", sent[0]);
        Assert.StartsWith("SIP/2.0 480", sent[^1]);
    }

    [Fact]
    public async Task NewRequestReusingAnEarlierBranch_IsProcessedNotTakenForARetransmission()
    {
        await agent.Exchange(Wire.Crlf("OPTIONS sip:101@lab.example SIP/2.0", Via, From, To, "Call-ID: reuse-1", "CSeq: 1 OPTIONS", "", ""));

        var second = Assert.Single(await agent.Exchange(Wire.Crlf("OPTIONS sip:101@lab.example SIP/2.0", Via, From, To, "Call-ID: reuse-2", "CSeq: 1 OPTIONS", "", "")));
        var retransmission = Assert.Single(await agent.Exchange(Wire.Crlf("OPTIONS sip:101@lab.example SIP/2.0", Via, From, To, "Call-ID: reuse-2", "CSeq: 1 OPTIONS", "", "")));

        Assert.Contains("\r\nCall-ID: reuse-2\r\n", second);
        Assert.Equal(second, retransmission);
    }
}
