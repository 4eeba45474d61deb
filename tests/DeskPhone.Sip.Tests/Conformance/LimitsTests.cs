using System.Text;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Tests.Conformance;

/// <summary>The parser's bounds (<see cref="SipLimits"/>): big inputs are refused as values, never by exceptions.</summary>
public sealed class LimitsTests
{
    private static readonly string[] Head =
    [
        "OPTIONS sip:alice@lab.example SIP/2.0",
        "Via: SIP/2.0/UDP 192.0.2.7;branch=z9hG4bKlim",
        "From: <sip:carol@lab.example>;tag=1",
        "To: <sip:alice@lab.example>",
        "Call-ID: lim@192.0.2.7",
        "CSeq: 1 OPTIONS",
    ];

    [Fact]
    public void Parse_MoreHeaderFieldsThanTheLimit_IsAnswerableDefect()
    {
        var extra = Enumerable.Range(0, SipLimits.MaxHeaderFields).Select(i => $"X-Filler-{i}: {i}");

        Wire.AssertAnswerableDefect("too many header fields", [.. Head, .. extra, "", ""]);
    }

    [Fact]
    public void Parse_HeaderFieldLongerThanTheLimit_IsAnswerableDefect() =>
        Wire.AssertAnswerableDefect("header field too long", [.. Head, "X-Huge: " + new string('h', SipLimits.MaxHeaderFieldBytes), "", ""]);

    [Fact]
    public void Parse_DatagramLargerThanTheLimit_IsDropped()
    {
        var datagram = Encoding.ASCII.GetBytes(string.Join("\r\n", Head) + "\r\n\r\n" + new string('b', SipLimits.MaxMessageBytes));

        var result = SipMessageParser.Parse(datagram);

        Assert.Equal("message too large", result.Defect);
        Assert.Null(result.AnswerableRequest);
    }

    [Fact]
    public void Parse_AtTheLimits_IsAccepted()
    {
        var fields = Enumerable.Range(0, SipLimits.MaxHeaderFields - Head.Length + 1).Select(i => $"X-Filler-{i}: {i}").ToList();
        fields[0] = "X-Long: " + new string('l', SipLimits.MaxHeaderFieldBytes - "X-Long: ".Length);

        var request = Wire.Request([.. Head, .. fields, "", ""]);

        Assert.Equal(SipLimits.MaxHeaderFields, request.Headers.Count);
    }
}
