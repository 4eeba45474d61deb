using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Tests.Conformance;

/// <summary>
/// RFC 5118: IPv6 references in SIP. These messages are written with bare LF line ends, as that
/// RFC's own were published, which the parser accepts as well as CRLF.
/// </summary>
public sealed class Ipv6Tests
{
    [Fact]
    public void Parse_Ipv6ReferencesInRequestUriViaAndContact_AreRead()
    {
        var request = Parse(
            "REGISTER sip:[2001:db8::1] SIP/2.0",
            "Via: SIP/2.0/UDP [2001:db8::9]:5070;branch=z9hG4bK6good",
            "From: <sip:desk@[2001:db8::1]>;tag=6",
            "To: <sip:desk@[2001:db8::1]>",
            "Call-ID: v6good@[2001:db8::9]",
            "CSeq: 1 REGISTER",
            "Contact: <sip:desk@[2001:db8::9]:5070>",
            "",
            "");

        Assert.Equal(("[2001:db8::9]", 5070), (request.TopVia.Host, request.TopVia.Port));
        Assert.True(NameAddress.TryParse(request.Get(HeaderNames.Contact), out var contact));
        Assert.Equal(("[2001:db8::9]", (int?)5070), (contact.SipUri!.Host, contact.SipUri.Port));
    }

    [Fact]
    public void Parse_Ipv6HostWithoutBrackets_IsAnswerableDefect()
    {
        var result = SipMessageParser.Parse(Wire.Lf(
            "REGISTER sip:2001:db8::1 SIP/2.0",
            "Via: SIP/2.0/UDP [2001:db8::9];branch=z9hG4bK6bad",
            "From: <sip:desk@lab.example>;tag=6",
            "To: <sip:desk@lab.example>",
            "Call-ID: v6bad@lab.example",
            "CSeq: 1 REGISTER",
            "",
            ""));

        Assert.Equal("malformed Request-URI", result.Defect);
        Assert.NotNull(result.AnswerableRequest);
    }

    [Theory]
    [InlineData("sip:[2001:db8::1:5070]", "[2001:db8::1:5070]", null)]
    [InlineData("sip:[2001:db8::1]:5070", "[2001:db8::1]", 5070)]
    [InlineData("sip:desk@[::ffff:192.0.2.1]", "[::ffff:192.0.2.1]", null)]
    [InlineData("sip:desk@[2001:db8:::192.0.2.1]", "[2001:db8:::192.0.2.1]", null)]
    public void SipUri_PortIsOnlyWhatFollowsTheClosingBracket(string text, string host, int? port)
    {
        Assert.True(SipUri.TryParse(text, out var uri));
        Assert.Equal((host, port), (uri.Host, uri.Port));
    }

    [Theory]
    [InlineData("received=[2001:db8::9:255]", "[2001:db8::9:255]")]
    [InlineData("received=2001:db8::9:255", "2001:db8::9:255")]
    public void Parse_ReceivedWithOrWithoutBrackets_IsAccepted(string received, string expected)
    {
        var request = Parse(
            "OPTIONS sip:[2001:db8::1] SIP/2.0",
            $"Via: SIP/2.0/UDP [2001:db8::9:1];branch=z9hG4bK6rcv;{received}",
            "From: <sip:desk@lab.example>;tag=6",
            "To: <sip:desk@lab.example>",
            "Call-ID: v6rcv@lab.example",
            "CSeq: 1 OPTIONS",
            "",
            "");

        Assert.Equal(expected, request.TopVia.Parameters["received"]);
    }

    [Fact]
    public void Parse_ViaListMixingIpv4AndIpv6_KeepsEveryHop()
    {
        var request = Parse(
            "BYE sip:desk@lab.example SIP/2.0",
            "Via: SIP/2.0/UDP [2001:db8::9:1]:6050;branch=z9hG4bK6a;received=2001:db8::9:255",
            "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK6b, SIP/2.0/TCP [2001:db8::a];branch=z9hG4bK6c",
            "From: <sip:desk@lab.example>;tag=6",
            "To: <sip:peer@lab.example>;tag=7",
            "Call-ID: v6mix@lab.example",
            "CSeq: 8 BYE",
            "",
            "");

        Assert.Equal(["[2001:db8::9:1]", "192.0.2.1", "[2001:db8::a]"], request.GetAll(HeaderNames.Via).Select(v => Via.TryParse(v, out var via) ? via.Host : "?").ToArray());
        Assert.Equal(6050, request.TopVia.Port);
    }

    [Fact]
    public void Parse_Ipv6AddressesInTheBody_AreLeftToTheSessionLayer()
    {
        const string sdp = "v=0\no=- 1 1 IN IP6 2001:db8::9\nc=IN IP6 2001:db8::9\nm=audio 4000 RTP/AVP 0\n";
        var request = Parse(
            "INVITE sip:desk@[2001:db8::1] SIP/2.0",
            "Via: SIP/2.0/UDP [::ffff:192.0.2.9]:5070;branch=z9hG4bK6sdp",
            "From: <sip:peer@[::ffff:192.0.2.9]>;tag=6",
            "To: <sip:desk@[2001:db8::1]>",
            "Call-ID: v6sdp@lab.example",
            "CSeq: 1 INVITE",
            "Contact: <sip:peer@[::ffff:192.0.2.9]:5070>",
            "Content-Type: application/sdp",
            $"Content-Length: {sdp.Length}",
            "",
            sdp);

        Assert.Equal(sdp, System.Text.Encoding.ASCII.GetString(request.Body.Span));
    }

    [Fact]
    public void Parse_LastHeaderLineEndsTheDatagramWithoutEmptyLine_IsAcceptedOverUdp()
    {
        var request = Assert.IsType<SipRequest>(SipMessageParser.Parse(Wire.Lf(
            "OPTIONS sip:desk@[2001:db8::192.0.2.1] SIP/2.0",
            "Via: SIP/2.0/UDP [2001:db8::9];branch=z9hG4bK6end",
            "From: <sip:peer@lab.example>;tag=6",
            "To: <sip:desk@lab.example>",
            "Call-ID: v6end@lab.example",
            "CSeq: 1 OPTIONS",
            "")).Message);

        Assert.True(request.Body.IsEmpty);
    }

    private static SipRequest Parse(params string[] lines)
    {
        var result = SipMessageParser.Parse(Wire.Lf(lines));
        Assert.True(result.Success, result.Defect);
        return Assert.IsType<SipRequest>(result.Message);
    }
}
