using System.Text;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Tests.Conformance;

/// <summary>
/// RFC 4475 §3.1.2: malformed messages. Each defect is named; requests whose top Via can be read
/// stay answerable (400), responses are only ever dropped.
/// </summary>
public sealed class InvalidParsingTests
{
    private const string Via = "Via: SIP/2.0/UDP 192.0.2.7;branch=z9hG4bKbad";
    private const string From = "From: <sip:carol@lab.example>;tag=1";
    private const string To = "To: <sip:alice@lab.example>";
    private const string CallId = "Call-ID: bad@192.0.2.7";

    [Theory]
    [InlineData("Via: SIP/2.0/UDP 192.0.2.7;;branch=z9hG4bKbad", "malformed Via")]
    [InlineData("Via: SIP/2.0/UDP 192.0.2.7;branch=z9hG4bKbad,,", "malformed Via")]
    [InlineData("Via: SIP/2.0/UDP 192.0.2.7;branch=", "malformed Via")]
    public void Parse_EmptyParametersOrListElementsInVia_IsAnswerableDefect(string via, string defect) =>
        Wire.AssertAnswerableDefect(defect, "OPTIONS sip:alice@lab.example SIP/2.0", via, From, To, CallId, "CSeq: 1 OPTIONS", "", "");

    [Theory]
    [InlineData("Contact: <sip:carol@192.0.2.7>;;;", "malformed Contact")]
    [InlineData("Contact: <sip:carol@192.0.2.7>,", "malformed Contact")]
    [InlineData("Contact: sip:carol@192.0.2.7?Subject=hi", "malformed Contact")]
    [InlineData("Contact: *, <sip:carol@192.0.2.7>", "malformed Contact")]
    public void Parse_MalformedContact_IsAnswerableDefect(string contact, string defect) =>
        Wire.AssertAnswerableDefect(defect, "INVITE sip:alice@lab.example SIP/2.0", Via, From, To, CallId, "CSeq: 1 INVITE", contact, "", "");

    [Fact]
    public void Parse_BodyShorterThanContentLengthOverUdp_IsAnswerableDefect() =>
        Wire.AssertAnswerableDefect("body shorter than Content-Length", "INVITE sip:alice@lab.example SIP/2.0", Via, From, To, CallId, "CSeq: 1 INVITE", "Content-Length: 9999", "", "v=0");

    [Theory]
    [InlineData("Content-Length: -4", "malformed Content-Length")]
    [InlineData("Content-Length: 4x", "malformed Content-Length")]
    [InlineData("Content-Length: 99999999999999999999", "Content-Length too large")]
    [InlineData("Content-Length: 70000", "Content-Length too large")]
    public void Parse_ContentLengthNegativeOrHuge_IsAnswerableDefect(string contentLength, string defect) =>
        Wire.AssertAnswerableDefect(defect, "INVITE sip:alice@lab.example SIP/2.0", Via, From, To, CallId, "CSeq: 1 INVITE", contentLength, "", "v=0");

    [Theory]
    [InlineData("CSeq: 4294967296 OPTIONS")]
    [InlineData("CSeq: 1")]
    [InlineData("CSeq: one OPTIONS")]
    public void Parse_CSeqOutOfRangeOrIncomplete_IsAnswerableDefect(string cseq) =>
        Wire.AssertAnswerableDefect("malformed CSeq", "OPTIONS sip:alice@lab.example SIP/2.0", Via, From, To, CallId, cseq, "", "");

    [Fact]
    public void Parse_LargeMaxForwardsAndExpires_AreTolerated()
    {
        var request = Wire.Request("REGISTER sip:lab.example SIP/2.0", Via, From, To, CallId, "CSeq: 4294967295 REGISTER", "Max-Forwards: 9000", "Expires: 99999999999999999999", "", "");

        Assert.Equal(uint.MaxValue, request.CSeq.Number);
    }

    [Theory]
    [InlineData("To: \"Alice <sip:alice@lab.example>", "malformed To")]
    [InlineData("To: < sip:alice@lab.example >", "malformed To")]
    [InlineData("To: Alice, Smith <sip:alice@lab.example>", "malformed To")]
    [InlineData("To: Alice <sip:alice@lab.example", "malformed To")]
    [InlineData("To: <sip:alice@lab.example>, <sip:bob@lab.example>", "malformed To")]
    public void Parse_MalformedNameAddress_IsAnswerableDefect(string to, string defect) =>
        Wire.AssertAnswerableDefect(defect, "OPTIONS sip:alice@lab.example SIP/2.0", Via, From, to, CallId, "CSeq: 1 OPTIONS", "", "");

    [Theory]
    [InlineData("INVITE <sip:alice@lab.example> SIP/2.0", "malformed Request-URI")]
    [InlineData("INVITE sip:alice@lab.example; lr SIP/2.0", "whitespace in the Request-URI")]
    [InlineData("INVITE  sip:alice@lab.example  SIP/2.0", "extra spaces in the request line")]
    [InlineData("INVITE sip:alice@lab.example SIP/2.0 ", "whitespace at the end of the request line")]
    [InlineData("INVITE sip:alice@lab.example?Route=%3Csip:evil.example%3E SIP/2.0", "headers in the Request-URI")]
    [InlineData("INVITE sip:alice@lab.example:99999 SIP/2.0", "malformed Request-URI")]
    [InlineData("INVITE sip:al%4ice@lab.example SIP/2.0", "malformed Request-URI")]
    public void Parse_MalformedRequestLine_IsAnswerableDefect(string requestLine, string defect) =>
        Wire.AssertAnswerableDefect(defect, requestLine, Via, From, To, CallId, "CSeq: 1 INVITE", "", "");

    [Fact]
    public void Parse_DateNotInGmt_IsAnswerableDefect() =>
        Wire.AssertAnswerableDefect("malformed Date", "INVITE sip:alice@lab.example SIP/2.0", Via, From, To, CallId, "CSeq: 1 INVITE", "Date: Tue, 24 Nov 2026 09:00:00 CET", "", "");

    [Fact]
    public void Parse_DateInGmt_IsAccepted() =>
        Wire.Request("INVITE sip:alice@lab.example SIP/2.0", Via, From, To, CallId, "CSeq: 1 INVITE", "Date: Tue, 24 Nov 2026 09:00:00 GMT", "", "");

    [Fact]
    public void Parse_UnsupportedVersion_IsAnswerableAndSaysSo()
    {
        var result = Wire.Parse("OPTIONS sip:alice@lab.example SIP/3.0", Via, From, To, CallId, "CSeq: 1 OPTIONS", "", "");

        Assert.False(result.Success);
        Assert.True(result.UnsupportedVersion);
        Assert.NotNull(result.AnswerableRequest);
    }

    [Theory]
    [InlineData("OPTIONS", "CSeq: 1 INVITE")]
    [InlineData("NEWTHING", "CSeq: 1 OPTIONS")]
    public void Parse_CSeqMethodDiffersFromRequestMethod_IsAnswerableDefect(string method, string cseq) =>
        Wire.AssertAnswerableDefect("CSeq method does not match the request method", $"{method} sip:alice@lab.example SIP/2.0", Via, From, To, CallId, cseq, "", "");

    [Theory]
    [InlineData("SIP/2.0 4294967301 Too Big")]
    [InlineData("SIP/2.0 99 Too Small")]
    [InlineData("SIP/2.0 700 Out Of Range")]
    [InlineData("SIP/2.0 2OO Letters")]
    [InlineData("SIP/3.0 200 OK")]
    public void Parse_MalformedStatusLine_IsDroppedNotAnswered(string statusLine)
    {
        var result = Wire.Parse(statusLine, Via, From, To, CallId, "CSeq: 1 INVITE", "", "");

        Assert.False(result.Success);
        Assert.Null(result.AnswerableRequest);
    }

    [Fact]
    public void Parse_ResponseWithOverlargeCSeq_IsDroppedNotAnswered()
    {
        var result = Wire.Parse("SIP/2.0 503 Service Unavailable", Via, From, To + ";tag=2", CallId, "CSeq: 99999999999999999999 INVITE", "Retry-After: 99999999999999999999", "", "");

        Assert.Equal("malformed CSeq", result.Defect);
        Assert.Null(result.AnswerableRequest);
    }

    [Fact]
    public void Parse_HeaderLineWithoutColon_IsAnswerableDefect() =>
        Wire.AssertAnswerableDefect("malformed header line", "OPTIONS sip:alice@lab.example SIP/2.0", Via, From, To, CallId, "CSeq: 1 OPTIONS", "Just some words", "", "");

    [Fact]
    public void Parse_HeaderNameWithSpaceInside_IsAnswerableDefect() =>
        Wire.AssertAnswerableDefect("malformed header name", "OPTIONS sip:alice@lab.example SIP/2.0", Via, From, To, CallId, "CSeq: 1 OPTIONS", "Bad Name: value", "", "");

    [Theory]
    [InlineData("OPTIONS sip:alice@lab.example")]
    [InlineData("garbage")]
    [InlineData("OPTIONS sip:alice@lab.example HTTP/1.1")]
    [InlineData("OPT\"IONS sip:alice@lab.example SIP/2.0")]
    public void Parse_UnrecognisableStartLine_IsDropped(string startLine)
    {
        var result = Wire.Parse(startLine, Via, From, To, CallId, "CSeq: 1 OPTIONS", "", "");

        Assert.False(result.Success);
        Assert.Null(result.AnswerableRequest);
    }

    [Fact]
    public void Parse_HeaderBytesNotUtf8_IsDropped()
    {
        byte[] datagram = [.. Wire.Crlf("OPTIONS sip:alice@lab.example SIP/2.0", Via, From, To, CallId, "CSeq: 1 OPTIONS", "X-Bad: "), 0xC3, 0x28, .. "\r\n\r\n"u8];

        Assert.Equal("header bytes are not UTF-8", SipMessageParser.Parse(datagram).Defect);
    }

    [Fact]
    public void Parse_BrokenViaParametersButReadableSentBy_IsStillAnswerable()
    {
        var result = Wire.Parse("OPTIONS sip:alice@lab.example SIP/2.0", "Via: SIP/2.0/UDP 192.0.2.7:5080;=;", From, To, CallId, "CSeq: 1 OPTIONS", "", "");

        Assert.Equal("malformed Via", result.Defect);
        Assert.NotNull(result.AnswerableRequest);
    }

    [Fact]
    public void Parse_UnreadableTopVia_IsNotAnswerable()
    {
        var result = Wire.Parse("OPTIONS sip:alice@lab.example SIP/2.0", "Via: nonsense", From, To, CallId, "CSeq: 1 OPTIONS", "", "");

        Assert.Equal("malformed Via", result.Defect);
        Assert.Null(result.AnswerableRequest);
    }

    [Fact]
    public void Parse_OnlyLineBreaks_IsDroppedAsKeepAlive()
    {
        Assert.Equal("no message, only line breaks", SipMessageParser.Parse("\r\n\r\n"u8).Defect);
    }

    [Fact]
    public void Parse_TruncatedInsideAHeaderLine_IsDropped()
    {
        var result = SipMessageParser.Parse(Encoding.UTF8.GetBytes("OPTIONS sip:alice@lab.example SIP/2.0\r\n" + Via + "\r\nFrom: <sip:ca"));

        Assert.Equal("no empty line after the headers", result.Defect);
    }
}
