using System.Text;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Transport;

namespace DeskPhone.Sip.Tests.Transport;

public sealed class SipStreamFramerTests
{
    private const string Body = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n";

    private static readonly string Invite =
        "INVITE sip:101@127.0.0.1 SIP/2.0\r\n" +
        "Via: SIP/2.0/TCP 127.0.0.1:5060;branch=z9hG4bKf1\r\n" +
        "From: <sip:102@lab>;tag=a\r\nTo: <sip:101@lab>\r\nCall-ID: f1\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\n" +
        "Content-Type: application/sdp\r\n" +
        $"Content-Length: {Body.Length}\r\n\r\n{Body}";

    [Fact]
    public void Read_WholeMessage_IsOneMessageFrameOfItsExactLength()
    {
        var frame = SipStreamFramer.Read(Encoding.ASCII.GetBytes(Invite));

        Assert.Equal(new StreamFrame(StreamFrameKind.Message, Invite.Length), frame);
    }

    [Fact]
    public void Read_EveryStrictPrefix_NeedsMore()
    {
        var bytes = Encoding.ASCII.GetBytes(Invite);
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Equal(StreamFrameKind.NeedMore, SipStreamFramer.Read(bytes.AsSpan(0, length)).Kind);
        }
    }

    [Fact]
    public void Read_TwoMessagesBackToBack_FramesTheFirstByItsContentLength()
    {
        var bytes = Encoding.ASCII.GetBytes(Invite + Invite.Replace("f1", "f2"));

        var first = SipStreamFramer.Read(bytes);
        var second = SipStreamFramer.Read(bytes.AsSpan(first.Length));

        Assert.Equal((StreamFrameKind.Message, Invite.Length), (first.Kind, first.Length));
        Assert.Equal((StreamFrameKind.Message, bytes.Length - Invite.Length), (second.Kind, second.Length));
        var parsed = SipMessageParser.Parse(bytes.AsSpan(first.Length, second.Length));
        Assert.Equal("f2", parsed.Message!.CallId);
        Assert.Equal(Body, Encoding.ASCII.GetString(parsed.Message.Body.Span));
    }

    [Theory]
    [InlineData("l: 0")]
    [InlineData("content-length:0")]
    [InlineData("CONTENT-LENGTH \t:  0  ")]
    public void Read_ContentLengthInAnySpellingOrCompactForm_Frames(string header)
    {
        var text = $"OPTIONS sip:101@127.0.0.1 SIP/2.0\r\nCall-ID: x\r\n{header}\r\n\r\n";

        Assert.Equal(new StreamFrame(StreamFrameKind.Message, text.Length), SipStreamFramer.Read(Encoding.ASCII.GetBytes(text)));
    }

    [Theory]
    [InlineData("Call-ID: x", "missing Content-Length on a stream")]
    [InlineData("Content-Length: ten", "malformed Content-Length")]
    [InlineData("Content-Length: -1", "malformed Content-Length")]
    [InlineData("Content-Length:", "malformed Content-Length")]
    [InlineData("Content-Length: 99999999999", "malformed Content-Length")]
    [InlineData("Content-Length: 0\r\nl: 4", "conflicting Content-Length values")]
    [InlineData("Content-Length: 65536", "message too large")]
    public void Read_UnframeableHead_IsInvalidNamingTheDefect(string headers, string defect)
    {
        var text = $"OPTIONS sip:101@127.0.0.1 SIP/2.0\r\n{headers}\r\n\r\n";

        Assert.Equal(StreamFrame.Invalid(defect), SipStreamFramer.Read(Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void Read_SameContentLengthTwice_Frames()
    {
        var text = "OPTIONS sip:101@127.0.0.1 SIP/2.0\r\nContent-Length: 2\r\nl: 2\r\n\r\nhi";

        Assert.Equal(new StreamFrame(StreamFrameKind.Message, text.Length), SipStreamFramer.Read(Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void Read_ContentLengthInsideAFoldedValue_IsNotTakenForTheHeader()
    {
        var text = "OPTIONS sip:101@127.0.0.1 SIP/2.0\r\nSubject: a\r\n Content-Length: 9\r\nContent-Length: 0\r\n\r\n";

        Assert.Equal(new StreamFrame(StreamFrameKind.Message, text.Length), SipStreamFramer.Read(Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void Read_HeadWithoutEndAtTheSizeLimit_IsInvalidInsteadOfBufferingMore()
    {
        var head = Encoding.ASCII.GetBytes("OPTIONS sip:101@127.0.0.1 SIP/2.0\r\nX: " + new string('a', SipLimits.MaxMessageBytes));

        Assert.Equal(StreamFrame.NeedMore, SipStreamFramer.Read(head.AsSpan(0, SipLimits.MaxMessageBytes - 1)));
        Assert.Equal(StreamFrame.Invalid("header section too large"), SipStreamFramer.Read(head.AsSpan(0, SipLimits.MaxMessageBytes)));
    }

    [Fact]
    public void Read_BodyThatWouldPassTheMessageLimit_IsInvalid()
    {
        var text = $"MESSAGE sip:101@127.0.0.1 SIP/2.0\r\nContent-Length: {SipLimits.MaxContentLength - 10}\r\n\r\n";

        Assert.Equal(StreamFrame.Invalid("message too large"), SipStreamFramer.Read(Encoding.ASCII.GetBytes(text)));
    }

    [Theory]
    [InlineData("\r\n\r\n", StreamFrameKind.Ping, 4)]
    [InlineData("\r\n\r\nINVITE", StreamFrameKind.Ping, 4)]
    [InlineData("\r\n", StreamFrameKind.Pong, 2)]
    [InlineData("\r\nINVITE", StreamFrameKind.Pong, 2)]
    [InlineData("\r\n\rX", StreamFrameKind.Pong, 2)]
    [InlineData("\r", StreamFrameKind.NeedMore, 0)]
    [InlineData("\r\n\r", StreamFrameKind.NeedMore, 0)]
    [InlineData("", StreamFrameKind.NeedMore, 0)]
    public void Read_KeepAlives_PingIsDoubleCrlfPongIsSingle(string text, StreamFrameKind kind, int length)
    {
        Assert.Equal(new StreamFrame(kind, length), SipStreamFramer.Read(Encoding.ASCII.GetBytes(text)));
    }

    [Theory]
    [InlineData("\n", "bare LF between messages")]
    [InlineData("\rX", "bare CR between messages")]
    public void Read_StrayLineBreakBytes_AreInvalid(string text, string defect)
    {
        Assert.Equal(StreamFrame.Invalid(defect), SipStreamFramer.Read(Encoding.ASCII.GetBytes(text)));
    }
}
