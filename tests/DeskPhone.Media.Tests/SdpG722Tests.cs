using System.Net;

namespace DeskPhone.Media.Tests;

/// <summary>G.722 in offer/answer: static payload type 9, rtpmap G722/8000 (RFC 3551 §4.5.2, table 4).</summary>
public sealed class SdpG722Tests
{
    private static readonly IPAddress Local = IPAddress.Parse("192.0.2.1");
    private static readonly IPEndPoint OfferRemote = new(IPAddress.Parse("192.0.2.10"), 49170);

    private static SdpSession NewSession(params AudioCodec[] codecs) => new(Local, 40000, codecs);

    [Fact]
    public void CreateOffer_WithG722First_ListsItFirstAtItsRtpClockRate()
    {
        byte[] offer = new SdpSession(Local, 40000, [AudioCodec.G722, AudioCodec.Pcmu, AudioCodec.Pcma]).CreateOffer();

        string[] lines = SdpText.Lines(offer);
        Assert.Contains("m=audio 40000 RTP/AVP 9 0 8 101", lines);
        Assert.Contains("a=rtpmap:9 G722/8000", lines);
        Assert.Contains("a=rtpmap:101 telephone-event/8000", lines);
    }

    [Fact]
    public void Answer_WhenWePreferG722AndTheOfferHasIt_ChoosesG722()
    {
        byte[] offer = SdpText.Offer("0 8 9 101", attributes: ["a=rtpmap:9 G722/8000", "a=rtpmap:101 telephone-event/8000"]);

        SdpAnswerResult result = NewSession(AudioCodec.G722, AudioCodec.Pcma).CreateAnswer(offer);

        Assert.Equal(new MediaNegotiation(OfferRemote, AudioCodec.G722, 9, 101, MediaDirection.SendRecv), result.Negotiation);
        Assert.Equal("audio 40000 RTP/AVP 9 101", SdpText.Value(result.AnswerSdp!, 'm'));
    }

    [Fact]
    public void Answer_WhenTheOfferListsStaticNineWithoutRtpmap_TakesItAsG722()
    {
        SdpAnswerResult result = NewSession(AudioCodec.G722).CreateAnswer(SdpText.Offer("9"));

        Assert.Equal(AudioCodec.G722, result.Negotiation?.Codec);
    }

    [Fact]
    public void Answer_WhenTheOfferSaysG722At16000_RefusesThatFormat()
    {
        byte[] offer = SdpText.Offer("96 0", attributes: ["a=rtpmap:96 G722/16000"]);

        SdpAnswerResult result = NewSession(AudioCodec.G722, AudioCodec.Pcmu).CreateAnswer(offer);

        Assert.Equal(AudioCodec.Pcmu, result.Negotiation?.Codec);
    }

    [Fact]
    public void OfferAnswer_BothPreferringG722_NegotiateIt()
    {
        var caller = new SdpSession(Local, 40000, [AudioCodec.G722, AudioCodec.Pcmu]);
        var callee = new SdpSession(IPAddress.Parse("192.0.2.2"), 50000, [AudioCodec.Pcmu, AudioCodec.G722]);

        SdpAnswerResult answer = callee.CreateAnswer(caller.CreateOffer());
        SdpNegotiationResult negotiated = caller.ProcessAnswer(answer.AnswerSdp!);

        // The answerer chooses by its own preference (RFC 3264 §6.1): PCMU here.
        Assert.Equal(AudioCodec.Pcmu, negotiated.Negotiation?.Codec);

        var wideband = new SdpSession(IPAddress.Parse("192.0.2.2"), 50000, [AudioCodec.G722, AudioCodec.Pcmu]);
        SdpAnswerResult widebandAnswer = wideband.CreateAnswer(caller.CreateOffer());
        Assert.Equal(AudioCodec.G722, caller.ProcessAnswer(widebandAnswer.AnswerSdp!).Negotiation?.Codec);
    }
}
