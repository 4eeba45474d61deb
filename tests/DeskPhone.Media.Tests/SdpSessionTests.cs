using System.Net;

namespace DeskPhone.Media.Tests;

public sealed class SdpSessionTests
{
    private static readonly IPAddress Local = IPAddress.Parse("192.0.2.1");
    private static readonly IPEndPoint OfferRemote = new(IPAddress.Parse("192.0.2.10"), 49170);

    private static SdpSession NewSession(params AudioCodec[] codecs) =>
        new(Local, 40000, codecs.Length == 0 ? [AudioCodec.Pcmu, AudioCodec.Pcma] : codecs);

    [Fact]
    public void CreateOffer_ListsCodecsTelephoneEventPtimeAndDirection()
    {
        byte[] offer = NewSession().CreateOffer();

        string[] lines = SdpText.Lines(offer);
        Assert.Equal("v=0", lines[0]);
        Assert.Matches(@"^o=- \d+ \d+ IN IP4 192\.0\.2\.1$", lines[1]);
        Assert.Equal(
            [
                "s=-",
                "c=IN IP4 192.0.2.1",
                "t=0 0",
                "m=audio 40000 RTP/AVP 0 8 101",
                "a=rtpmap:0 PCMU/8000",
                "a=rtpmap:8 PCMA/8000",
                "a=rtpmap:101 telephone-event/8000",
                "a=fmtp:101 0-15",
                "a=ptime:20",
                "a=sendrecv",
            ],
            lines[2..]);
    }

    [Fact]
    public void CreateOffer_FollowsCodecPreferenceOrder()
    {
        byte[] offer = NewSession(AudioCodec.Pcma, AudioCodec.Pcmu).CreateOffer();

        Assert.Equal("audio 40000 RTP/AVP 8 0 101", SdpText.Value(offer, 'm'));
    }

    [Fact]
    public void CreateOffer_Again_KeepsSessionIdAndIncrementsVersion()
    {
        SdpSession session = NewSession();

        string[] first = SdpText.Value(session.CreateOffer(), 'o').Split(' ');
        string[] second = SdpText.Value(session.CreateOffer(MediaDirection.SendOnly), 'o').Split(' ');

        Assert.Equal(first[1], second[1]);
        Assert.Equal(ulong.Parse(first[2]) + 1, ulong.Parse(second[2]));
    }

    [Fact]
    public void CreateOffer_ForHold_IsSendOnly()
    {
        byte[] offer = NewSession().CreateOffer(MediaDirection.SendOnly);

        Assert.Equal("sendonly", SdpText.Lines(offer)[^1][2..]);
    }

    [Fact]
    public void Answer_WhenOfferHasBothCodecs_ChoosesOurPreferredOne()
    {
        SdpAnswerResult result = NewSession(AudioCodec.Pcma, AudioCodec.Pcmu)
            .CreateAnswer(SdpText.Offer("0 8 101", attributes: "a=rtpmap:101 telephone-event/8000"));

        Assert.True(result.IsSuccess);
        Assert.Equal(new MediaNegotiation(OfferRemote, AudioCodec.Pcma, 8, 101, MediaDirection.SendRecv), result.Negotiation);
        Assert.Equal(SdpFailure.None, result.Failure);
        Assert.Equal("audio 40000 RTP/AVP 8 101", SdpText.Value(result.AnswerSdp, 'm'));
    }

    [Fact]
    public void Answer_WhenOfferHasOnlyPcma_ChoosesPcma()
    {
        SdpAnswerResult result = NewSession().CreateAnswer(SdpText.Offer("8"));

        Assert.True(result.IsSuccess);
        Assert.Equal(AudioCodec.Pcma, result.Negotiation.Codec);
        Assert.Equal(8, result.Negotiation.PayloadType);
        Assert.Null(result.Negotiation.TelephoneEventPayloadType);
        string[] lines = SdpText.Lines(result.AnswerSdp);
        Assert.Contains("m=audio 40000 RTP/AVP 8", lines);
        Assert.Contains("a=rtpmap:8 PCMA/8000", lines);
        Assert.DoesNotContain(lines, line => line.Contains("telephone-event"));
    }

    [Fact]
    public void Answer_WhenNoCommonCodec_FailsWithNoCommonCodec()
    {
        SdpAnswerResult result = NewSession().CreateAnswer(SdpText.Offer("9 18", attributes: "a=rtpmap:9 G722/8000"));

        Assert.False(result.IsSuccess);
        Assert.Equal(SdpFailure.NoCommonCodec, result.Failure);
        Assert.Null(result.AnswerSdp);
    }

    [Fact]
    public void Answer_WhenOfferUsesDynamicPayloadType_KeepsOfferNumbers()
    {
        SdpAnswerResult result = NewSession().CreateAnswer(SdpText.Offer(
            "96 100",
            attributes: ["a=rtpmap:96 pcmu/8000", "a=rtpmap:100 telephone-event/8000", "a=fmtp:100 0-16"]));

        Assert.True(result.IsSuccess);
        Assert.Equal(AudioCodec.Pcmu, result.Negotiation.Codec);
        Assert.Equal(96, result.Negotiation.PayloadType);
        Assert.Equal((byte)100, result.Negotiation.TelephoneEventPayloadType);
        string[] lines = SdpText.Lines(result.AnswerSdp);
        Assert.Contains("m=audio 40000 RTP/AVP 96 100", lines);
        Assert.Contains("a=rtpmap:96 PCMU/8000", lines);
        Assert.Contains("a=rtpmap:100 telephone-event/8000", lines);
    }

    [Fact]
    public void Answer_WhenRtpmapGivesAnotherClockRate_DoesNotTakeIt()
    {
        SdpAnswerResult result = NewSession().CreateAnswer(SdpText.Offer("97", attributes: "a=rtpmap:97 PCMU/16000"));

        Assert.Equal(SdpFailure.NoCommonCodec, result.Failure);
    }

    [Theory]
    [InlineData("sendrecv", MediaDirection.SendRecv)]
    [InlineData("sendonly", MediaDirection.RecvOnly)]
    [InlineData("recvonly", MediaDirection.SendOnly)]
    [InlineData("inactive", MediaDirection.Inactive)]
    public void Answer_MirrorsOfferedDirection(string offered, MediaDirection expected)
    {
        SdpAnswerResult result = NewSession().CreateAnswer(SdpText.Offer("0", offered));

        Assert.True(result.IsSuccess);
        Assert.Equal(expected, result.Negotiation.Direction);
        Assert.Equal("a=" + expected.ToString().ToLowerInvariant(), SdpText.Lines(result.AnswerSdp)[^1]);
    }

    [Fact]
    public void Answer_WhenWeWantOnlyToSend_NarrowsSendRecvOfferToSendOnly()
    {
        SdpAnswerResult result = NewSession().CreateAnswer(SdpText.Offer("0"), MediaDirection.SendOnly);

        Assert.Equal(MediaDirection.SendOnly, result.Negotiation?.Direction);
    }

    [Fact]
    public void Answer_WhenDirectionIsAtSessionLevel_AppliesItToTheStream()
    {
        byte[] offer = SdpText.Crlf(
            "v=0", "o=- 1 1 IN IP4 192.0.2.10", "s=-", "c=IN IP4 192.0.2.10", "t=0 0", "a=sendonly",
            "m=audio 49170 RTP/AVP 0");

        SdpAnswerResult result = NewSession().CreateAnswer(offer);

        Assert.Equal(MediaDirection.RecvOnly, result.Negotiation?.Direction);
    }

    [Fact]
    public void Answer_WhenOfferHoldsWithZeroAddress_DoesNotSend()
    {
        byte[] offer = SdpText.Crlf(
            "v=0", "o=- 1 2 IN IP4 192.0.2.10", "s=-", "c=IN IP4 0.0.0.0", "t=0 0", "m=audio 49170 RTP/AVP 0");

        SdpAnswerResult result = NewSession().CreateAnswer(offer);

        Assert.Equal(MediaDirection.RecvOnly, result.Negotiation?.Direction);
    }

    [Fact]
    public void Answer_WhenConnectionIsOnlyAtSessionLevel_UsesIt()
    {
        byte[] offer = SdpText.Crlf(
            "v=0", "o=- 1 1 IN IP4 198.51.100.7", "s=-", "c=IN IP4 198.51.100.7", "t=0 0", "m=audio 30000 RTP/AVP 0");

        SdpAnswerResult result = NewSession().CreateAnswer(offer);

        Assert.Equal(new IPEndPoint(IPAddress.Parse("198.51.100.7"), 30000), result.Negotiation?.Remote);
    }

    [Fact]
    public void Answer_WhenMediaLevelConnectionExists_PrefersItOverSessionLevel()
    {
        byte[] offer = SdpText.Crlf(
            "v=0", "o=- 1 1 IN IP4 198.51.100.7", "s=-", "c=IN IP4 198.51.100.7", "t=0 0",
            "m=audio 30000 RTP/AVP 0", "c=IN IP4 203.0.113.5/127");

        SdpAnswerResult result = NewSession().CreateAnswer(offer);

        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.5"), 30000), result.Negotiation?.Remote);
    }

    [Fact]
    public void Answer_WhenConnectionIsMissing_FailsWithUnsupportedAddress()
    {
        byte[] offer = SdpText.Crlf("v=0", "o=- 1 1 IN IP4 host", "s=-", "t=0 0", "m=audio 30000 RTP/AVP 0");

        Assert.Equal(SdpFailure.UnsupportedAddress, NewSession().CreateAnswer(offer).Failure);
    }

    [Theory]
    [InlineData("c=IN IP4 pbx.example.com")]
    [InlineData("c=IN IP6 2001:db8::1")]
    [InlineData("c=IN IP4 2001:db8::1")]
    public void Answer_WhenConnectionIsNotAnIPv4Literal_FailsWithUnsupportedAddress(string connection)
    {
        byte[] offer = SdpText.Crlf("v=0", "o=- 1 1 IN IP4 host", "s=-", connection, "t=0 0", "m=audio 30000 RTP/AVP 0");

        Assert.Equal(SdpFailure.UnsupportedAddress, NewSession().CreateAnswer(offer).Failure);
    }

    [Fact]
    public void Answer_WhenOfferHasBareLfLineEndingsAndUnknownAttributes_Succeeds()
    {
        byte[] offer = SdpText.Bytes(
            "\n",
            "v=0", "o=- 1 1 IN IP4 192.0.2.10", "s=Call", "i=info", "c=IN IP4 192.0.2.10", "t=0 0",
            "a=group:BUNDLE 0", "m=audio 49170 RTP/AVP 0", "a=ssrc:1234 cname:x", "a=rtcp:49171", "a=maxptime:40");

        SdpAnswerResult result = NewSession().CreateAnswer(offer);

        Assert.Equal(new MediaNegotiation(OfferRemote, AudioCodec.Pcmu, 0, null, MediaDirection.SendRecv), result.Negotiation);
    }

    [Fact]
    public void Answer_WhenAudioPortIsZero_FailsWithStreamRejected()
    {
        byte[] offer = SdpText.Crlf("v=0", "o=- 1 1 IN IP4 192.0.2.10", "s=-", "c=IN IP4 192.0.2.10", "t=0 0", "m=audio 0 RTP/AVP 0");

        Assert.Equal(SdpFailure.StreamRejected, NewSession().CreateAnswer(offer).Failure);
    }

    [Fact]
    public void Answer_WhenOnlySecureAudioIsOffered_FailsWithNoAudioStream()
    {
        byte[] offer = SdpText.Crlf("v=0", "o=- 1 1 IN IP4 192.0.2.10", "s=-", "c=IN IP4 192.0.2.10", "t=0 0", "m=audio 49170 RTP/SAVP 0");

        Assert.Equal(SdpFailure.NoAudioStream, NewSession().CreateAnswer(offer).Failure);
    }

    [Fact]
    public void Answer_WhenOfferHasVideoToo_RejectsVideoWithPortZeroInOrder()
    {
        byte[] offer = SdpText.Crlf(
            "v=0", "o=- 1 1 IN IP4 192.0.2.10", "s=-", "c=IN IP4 192.0.2.10", "t=0 0",
            "m=video 51372 RTP/AVP 96 97", "a=rtpmap:96 H264/90000",
            "m=audio 49170 RTP/AVP 0");

        SdpAnswerResult result = NewSession().CreateAnswer(offer);

        Assert.True(result.IsSuccess);
        string[] media = SdpText.Lines(result.AnswerSdp).Where(line => line.StartsWith("m=", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["m=video 0 RTP/AVP 96 97", "m=audio 40000 RTP/AVP 0"], media);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("o=- 1 1 IN IP4 192.0.2.10\r\nv=0\r\n")]
    [InlineData("v=1\r\n")]
    [InlineData("v=0\r\nm=audio\r\n")]
    [InlineData("v=0\r\nm=audio 99999 RTP/AVP 0\r\n")]
    [InlineData("v=0\r\nc=IN IP4\r\n")]
    [InlineData("v=0\r\nm=audio 5004 RTP/AVP 96\r\na=rtpmap:96 PCMU\r\n")]
    public void Answer_WhenOfferIsMalformed_FailsWithMalformed(string offer)
    {
        Assert.Equal(SdpFailure.Malformed, NewSession().CreateAnswer(System.Text.Encoding.UTF8.GetBytes(offer)).Failure);
    }

    [Fact]
    public void Answer_WhenOfferIsNotUtf8_FailsWithMalformed()
    {
        Assert.Equal(SdpFailure.Malformed, NewSession().CreateAnswer([0x76, 0x3D, 0x30, 0x0A, 0xFF, 0xFE]).Failure);
    }

    [Fact]
    public void ProcessAnswer_WithoutOffer_FailsWithNoOfferPending()
    {
        Assert.Equal(SdpFailure.NoOfferPending, NewSession().ProcessAnswer(SdpText.Offer("0")).Failure);
    }

    [Fact]
    public void ProcessAnswer_WhenAnswerChoosesPcma_NegotiatesPcma()
    {
        SdpSession session = NewSession();
        session.CreateOffer();

        SdpNegotiationResult result = session.ProcessAnswer(SdpText.Offer("8 101", attributes: "a=rtpmap:101 telephone-event/8000"));

        Assert.True(result.IsSuccess);
        Assert.Equal(new MediaNegotiation(OfferRemote, AudioCodec.Pcma, 8, 101, MediaDirection.SendRecv), result.Negotiation);
    }

    [Fact]
    public void ProcessAnswer_WhenAnswerListsACodecWeDidNotOffer_Fails()
    {
        SdpSession session = NewSession(AudioCodec.Pcmu);
        session.CreateOffer();

        Assert.Equal(SdpFailure.NoCommonCodec, session.ProcessAnswer(SdpText.Offer("8")).Failure);
    }

    [Fact]
    public void ProcessAnswer_WhenPortIsZero_FailsWithStreamRejected()
    {
        SdpSession session = NewSession();
        session.CreateOffer();
        byte[] answer = SdpText.Crlf("v=0", "o=- 1 1 IN IP4 192.0.2.10", "s=-", "c=IN IP4 192.0.2.10", "t=0 0", "m=audio 0 RTP/AVP 0");

        Assert.Equal(SdpFailure.StreamRejected, session.ProcessAnswer(answer).Failure);
    }

    [Fact]
    public void ProcessAnswer_WhenAnswerIsRecvOnlyToOurHoldOffer_OnlySends()
    {
        SdpSession session = NewSession();
        session.CreateOffer(MediaDirection.SendOnly);

        SdpNegotiationResult result = session.ProcessAnswer(SdpText.Offer("0", "recvonly"));

        Assert.Equal(MediaDirection.SendOnly, result.Negotiation?.Direction);
    }

    [Fact]
    public void ProcessAnswer_Twice_SecondHasNoOfferPending()
    {
        SdpSession session = NewSession();
        session.CreateOffer();
        session.ProcessAnswer(SdpText.Offer("0"));

        Assert.Equal(SdpFailure.NoOfferPending, session.ProcessAnswer(SdpText.Offer("0")).Failure);
    }

    [Fact]
    public void OfferAnswer_BetweenTwoSessions_AgreesOnCodecAndAddresses()
    {
        var caller = new SdpSession(IPAddress.Parse("192.0.2.1"), 40000, [AudioCodec.Pcma, AudioCodec.Pcmu]);
        var callee = new SdpSession(IPAddress.Parse("192.0.2.2"), 50000, [AudioCodec.Pcmu, AudioCodec.Pcma]);

        SdpAnswerResult answer = callee.CreateAnswer(caller.CreateOffer());
        Assert.True(answer.IsSuccess);
        SdpNegotiationResult negotiated = caller.ProcessAnswer(answer.AnswerSdp);

        Assert.True(negotiated.IsSuccess);
        Assert.Equal(new MediaNegotiation(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 40000), AudioCodec.Pcmu, 0, 101, MediaDirection.SendRecv), answer.Negotiation);
        Assert.Equal(new MediaNegotiation(new IPEndPoint(IPAddress.Parse("192.0.2.2"), 50000), AudioCodec.Pcmu, 0, 101, MediaDirection.SendRecv), negotiated.Negotiation);
    }

    [Fact]
    public void Constructor_WithoutCodecs_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SdpSession(Local, 40000, []));
        Assert.Throws<ArgumentException>(() => new SdpSession(IPAddress.Any, 40000, [AudioCodec.Pcmu]));
    }
}
