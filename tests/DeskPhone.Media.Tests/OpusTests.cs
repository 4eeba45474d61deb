using System.Text;
using DeskPhone.Hal;
using DeskPhone.Media.Codecs;
using DeskPhone.Media.Rtp;

namespace DeskPhone.Media.Tests;

/// <summary>Opus in SDP (RFC 7587), over RTP between two streams, and its own loss concealment.</summary>
public sealed class OpusTests
{
    private static string Text(byte[] sdp) => Encoding.UTF8.GetString(sdp);

    [Fact]
    public void Offer_WithOpus_ListsItOnADynamicTypeWithFecAndWidebandEvents()
    {
        var session = new SdpSession(System.Net.IPAddress.Loopback, 40000, [AudioCodec.Opus, AudioCodec.G722]);

        string offer = Text(session.CreateOffer());

        Assert.Contains("m=audio 40000 RTP/AVP 111 9 101 102\r\n", offer);
        Assert.Contains("a=rtpmap:111 opus/48000/2\r\n", offer);
        Assert.Contains("a=fmtp:111 useinbandfec=1; maxplaybackrate=16000; sprop-maxcapturerate=16000\r\n", offer);
        Assert.Contains("a=rtpmap:102 telephone-event/48000\r\n", offer);
    }

    [Fact]
    public void Offer_WithoutOpus_IsUnchanged()
    {
        string offer = Text(new SdpSession(System.Net.IPAddress.Loopback, 40000, [AudioCodec.Pcmu]).CreateOffer());

        Assert.DoesNotContain("opus", offer);
        Assert.DoesNotContain("48000", offer);
    }

    [Fact]
    public void Answer_ToAnOpusOffer_KeepsThePeersPayloadTypeAndItsEventsAt48kHz()
    {
        string offer = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 5004 RTP/AVP 96 0 97 101\r\na=rtpmap:96 opus/48000/2\r\na=fmtp:96 useinbandfec=1\r\n"
            + "a=rtpmap:97 telephone-event/48000\r\na=rtpmap:101 telephone-event/8000\r\n";
        var session = new SdpSession(System.Net.IPAddress.Loopback, 40000, [AudioCodec.Opus, AudioCodec.Pcmu]);

        SdpAnswerResult result = session.CreateAnswer(Encoding.UTF8.GetBytes(offer));

        Assert.True(result.IsSuccess);
        Assert.Equal(AudioCodec.Opus, result.Negotiation!.Codec);
        Assert.Equal((byte)96, result.Negotiation.PayloadType);
        Assert.Equal((byte)97, result.Negotiation.TelephoneEventPayloadType);
        Assert.Contains("m=audio 40000 RTP/AVP 96 97\r\n", Text(result.AnswerSdp!));
        Assert.Contains("a=rtpmap:96 opus/48000/2\r\n", Text(result.AnswerSdp!));
    }

    [Theory]
    [InlineData("opus/48000/1")]
    [InlineData("opus/16000/2")]
    public void Answer_ToOpusWithTheWrongRtpMap_FallsBackToG711(string rtpmap)
    {
        string offer = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + $"m=audio 5004 RTP/AVP 96 0\r\na=rtpmap:96 {rtpmap}\r\n";

        SdpAnswerResult result = new SdpSession(System.Net.IPAddress.Loopback, 40000, [AudioCodec.Opus, AudioCodec.Pcmu])
            .CreateAnswer(Encoding.UTF8.GetBytes(offer));

        Assert.Equal(AudioCodec.Pcmu, result.Negotiation!.Codec);
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    public void TwoStreams_OnOpus_CarryAToneWith48kHzTimestamps(int sampleRate)
    {
        var format = new AudioFormat(sampleRate, sampleRate / 50);
        using var peer = new RawRtpPeer();
        using RtpStream sender = StreamPair.OpenStream(TimeProvider.System, format: format);
        using RtpStream receiver = StreamPair.OpenStream(TimeProvider.System, format: format);
        sender.Start(new MediaNegotiation(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, receiver.LocalPort), AudioCodec.Opus, 111, null, MediaDirection.SendRecv));
        receiver.Start(new MediaNegotiation(peer.EndPoint, AudioCodec.Opus, 111, null, MediaDirection.SendRecv));
        const int Frames = 12;
        for (int i = 0; i < Frames; i++)
        {
            sender.SendCaptureFrame(Signal.SineFrame(1000, 8000, i * format.FrameSamples, sampleRate));
        }

        StreamPair.WaitForReceived(receiver, Frames);
        var played = new short[Frames * format.FrameSamples];
        for (int i = 0; i < Frames; i++)
        {
            receiver.ReadPlayoutFrame(played.AsSpan(i * format.FrameSamples, format.FrameSamples));
        }

        Assert.InRange(Signal.Amplitude(played.AsSpan(4 * format.FrameSamples), 1000, sampleRate), 6000, 9500);

        // The receiver has latched to the sender; a third stream shows what goes on the wire.
        using RtpStream third = StreamPair.OpenStream(TimeProvider.System, format: format);
        third.Start(new MediaNegotiation(peer.EndPoint, AudioCodec.Opus, 111, null, MediaDirection.SendRecv));
        third.SendCaptureFrame(new short[format.FrameSamples]);
        third.SendCaptureFrame(new short[format.FrameSamples]);
        (Rtp.RtpHeader first, _) = peer.Receive();
        (Rtp.RtpHeader second, _) = peer.Receive();
        Assert.Equal(first.Timestamp + 960, second.Timestamp);
        Assert.Equal(111, first.PayloadType);
    }

    [Fact]
    public void LostOpusFrame_IsRebuiltFromTheNextOnesFec()
    {
        var format = StreamPair.Wideband;
        var encoder = new FrameEncoder(AudioCodec.Opus, format);
        var packets = new List<byte[]>();
        var payload = new byte[encoder.MaxPayloadBytes];
        short[] speech = TestSignals.SpeechLike(16000, 0.5, seed: 3);
        for (int i = 0; i < 25; i++)
        {
            int length = encoder.Encode(speech.AsSpan(i * 320, 320), payload);
            packets.Add(payload[..length]);
        }

        var reference = new short[25 * 320];
        var clean = new FrameDecoder(AudioCodec.Opus, format);
        for (int i = 0; i < 25; i++)
        {
            Assert.True(clean.TryDecode(packets[i], reference.AsSpan(i * 320, 320)));
        }

        // Lose the loudest frame after the encoder has settled.
        double Energy(int frame) => reference.Skip(frame * 320).Take(320).Sum(sample => (double)sample * sample);
        int lost = Enumerable.Range(8, 12).MaxBy(Energy);

        // With the next packet already buffered the decoder rebuilds the lost frame from its
        // FEC; without it, only its concealment can fill the gap.
        double SnrOfLostFrame(bool nextInTime)
        {
            var decoder = new FrameDecoder(AudioCodec.Opus, format);
            var buffer = new JitterBuffer(CodecFormats.MaxOpusPayloadBytes);
            var playout = new Playout(buffer, format);
            var played = new short[25 * 320];
            for (int i = 0; i < 25; i++)
            {
                if (i != lost && !(nextInTime && i == lost + 1))
                {
                    buffer.Put((ushort)i, new PacketArrival((uint)(i * 960), 48000, i * 20_000L), packets[i]);
                }

                if (nextInTime && i == lost)
                {
                    buffer.Put((ushort)(i + 1), new PacketArrival((uint)((i + 1) * 960), 48000, i * 20_000L), packets[i + 1]);
                }

                playout.Read(decoder, played.AsSpan(i * 320, 320));
            }

            Assert.Equal(1, playout.Concealed);
            double error = 0;
            for (int i = lost * 320; i < (lost + 1) * 320; i++)
            {
                error += Math.Pow(reference[i] - played[i], 2);
            }

            return 10 * Math.Log10(Energy(lost) / Math.Max(error, 1));
        }

        double fec = SnrOfLostFrame(nextInTime: true);
        double concealment = SnrOfLostFrame(nextInTime: false);
        Assert.True(fec > concealment + 3, $"FEC {fec:F1} dB, concealment {concealment:F1} dB");
    }
}
