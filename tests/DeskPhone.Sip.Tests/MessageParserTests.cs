using System.Text;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Tests;

public sealed class MessageParserTests
{
    private const string Register =
        "REGISTER sip:deskphone.lab SIP/2.0\r\n" +
        "v: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1;rport\r\n" +
        "f: <sip:101@deskphone.lab>;tag=a\r\n" +
        "t: <sip:101@deskphone.lab>\r\n" +
        "i: reg-1\r\n" +
        "CSeq: 1 REGISTER\r\n" +
        "Subject: folded\r\n   continues here\r\n" +
        "l: 0\r\n\r\n";

    private static SipParseResult Parse(string text) => SipMessageParser.Parse(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Parse_CompactFormsAndFolding_ExpandsAndUnfolds()
    {
        var request = Assert.IsType<SipRequest>(Parse(Register).Message);

        Assert.Equal("REGISTER", request.Method);
        Assert.Equal("reg-1", request.CallId);
        Assert.Equal("a", request.From.Tag);
        Assert.Equal("z9hG4bK1", request.TopVia.Branch);
        Assert.Equal("folded continues here", request.Get("Subject"));
    }

    [Fact]
    public void Parse_BodyLongerThanContentLength_TruncatesToContentLength()
    {
        var text = Register.Replace("l: 0\r\n\r\n", "l: 3\r\n\r\nabcdef");

        Assert.Equal("abc"u8.ToArray(), Parse(text).Message!.Body.ToArray());
    }

    [Fact]
    public void Parse_BodyShorterThanContentLength_IsAnswerableDefect()
    {
        var result = Parse(Register.Replace("l: 0\r\n\r\n", "l: 30\r\n\r\nabc"));

        Assert.False(result.Success);
        Assert.Equal("body shorter than Content-Length", result.Defect);
        Assert.NotNull(result.AnswerableRequest);
    }

    [Theory]
    [InlineData("REGISTER sip:x SIP/2.0\r\n\r\n", "missing Via")]
    [InlineData("garbage\r\n\r\n", "malformed start line")]
    [InlineData("INVITE sip:x SIP/7.0\r\nVia: SIP/2.0/UDP h\r\n\r\n", "unsupported SIP version")]
    [InlineData("no blank line at all", "no empty line after the headers")]
    public void Parse_Malformed_ReturnsDefectWithoutThrowing(string text, string defect)
    {
        var result = Parse(text);

        Assert.False(result.Success);
        Assert.Equal(defect, result.Defect);
    }

    [Fact]
    public void Parse_CSeqMethodMismatch_IsDefect()
    {
        Assert.Equal("CSeq method does not match the request method", Parse(Register.Replace("1 REGISTER", "1 INVITE")).Defect);
    }

    [Fact]
    public void Parse_EveryPrefixOfAValidMessage_NeverThrows()
    {
        var bytes = Encoding.UTF8.GetBytes(Register);
        for (var length = 0; length < bytes.Length; length++)
        {
            var result = SipMessageParser.Parse(bytes.AsSpan(0, length));
            Assert.True(result.Success || result.Defect is not null);
        }
    }

    [Fact]
    public void ToBytes_ThenParse_RoundTripsHeadersAndBody()
    {
        var original = Assert.IsType<SipRequest>(Parse(Register).Message);
        original.Body = "hello"u8.ToArray();

        var again = Assert.IsType<SipRequest>(SipMessageParser.Parse(original.ToBytes()).Message);

        Assert.Equal(original.Headers.Where(h => h.Name != HeaderNames.ContentLength), again.Headers.Where(h => h.Name != HeaderNames.ContentLength));
        Assert.Equal("5", again.Get(HeaderNames.ContentLength));
        Assert.Equal("hello"u8.ToArray(), again.Body.ToArray());
    }

    [Theory]
    [InlineData("\"Anna \\\"A\\\" B\" <sip:102@pbx;transport=udp>;tag=9", "Anna \"A\" B", "sip:102@pbx;transport=udp", "9")]
    [InlineData("sip:102@pbx;tag=7", null, "sip:102@pbx", "7")]
    [InlineData("<sip:[2001:db8::1]:5070>", null, "sip:[2001:db8::1]:5070", null)]
    public void NameAddress_Parses(string text, string? display, string uri, string? tag)
    {
        Assert.True(NameAddress.TryParse(text, out var address));
        Assert.Equal(display, address.DisplayName);
        Assert.Equal(uri, address.Uri);
        Assert.Equal(tag, address.Tag);
    }

    [Fact]
    public void SipUri_IPv6Reference_KeepsBracketsAndPort()
    {
        Assert.True(SipUri.TryParse("sip:101@[2001:db8::10]:5070;transport=udp", out var uri));
        Assert.Equal("[2001:db8::10]", uri.Host);
        Assert.Equal(5070, uri.Port);
        Assert.Equal("udp", uri.Parameter("transport"));
    }

    [Fact]
    public void GetAll_SplitsCommasOutsideQuotesAndBrackets()
    {
        var request = Assert.IsType<SipRequest>(Parse(Register.Replace("i: reg-1\r\n", "i: reg-1\r\nContact: \"a,b\" <sip:1,2@h;x=1>, <sip:2@h>\r\n")).Message);

        Assert.Equal(["\"a,b\" <sip:1,2@h;x=1>", "<sip:2@h>"], request.GetAll(HeaderNames.Contact).ToArray());
    }
}
