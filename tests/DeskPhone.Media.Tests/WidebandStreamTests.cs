using System.Net;
using DeskPhone.Hal;

namespace DeskPhone.Media.Tests;

/// <summary>
/// The audio path at 16 kHz: G.722 end to end carries wideband audio; G.711 calls are resampled to
/// and from the telephone band; G.722 also works on an 8 kHz device.
/// </summary>
public sealed class WidebandStreamTests
{
    /// <summary>As many frames as the jitter buffer holds without trimming its backlog.</summary>
    private const int Frames = 8;

    /// <summary>Sends a tone from A and returns what B plays, frame by frame at B's rate.</summary>
    private static short[] SendTone(RtpStream from, AudioFormat fromFormat, RtpStream to, AudioFormat toFormat, double frequency)
    {
        long received = to.PacketsReceived;
        for (int i = 0; i < Frames; i++)
        {
            from.SendCaptureFrame(Signal.SineFrame(frequency, 8000, i * fromFormat.FrameSamples, fromFormat.SampleRate));
        }

        StreamPair.WaitForReceived(to, received + Frames);
        var played = new short[Frames * toFormat.FrameSamples];
        for (int i = 0; i < Frames; i++)
        {
            to.ReadPlayoutFrame(played.AsSpan(i * toFormat.FrameSamples, toFormat.FrameSamples));
        }

        return played;
    }

    /// <summary>Amplitude of a tone in what was played, after the first 60 ms (filters and ADPCM settling).</summary>
    private static double Measure(short[] played, double frequency, AudioFormat format) =>
        Signal.Amplitude(played.AsSpan(3 * format.FrameSamples), frequency, format.SampleRate);

    [Fact]
    public void G722At16kHz_Carries6kHzBothWays()
    {
        using StreamPair pair = StreamPair.Open(AudioCodec.G722, StreamPair.Wideband);

        short[] atB = SendTone(pair.A, StreamPair.Wideband, pair.B, StreamPair.Wideband, 6000);
        short[] atA = SendTone(pair.B, StreamPair.Wideband, pair.A, StreamPair.Wideband, 1000);

        Assert.InRange(Measure(atB, 6000, StreamPair.Wideband), 7000, 9000);
        Assert.InRange(Measure(atA, 1000, StreamPair.Wideband), 7500, 8500);
    }

    [Theory]
    [InlineData(AudioCodec.Pcmu)]
    [InlineData(AudioCodec.Pcma)]
    public void G711At16kHz_CarriesTheTelephoneBandAndDropsWhatIsAboveIt(AudioCodec codec)
    {
        using StreamPair pair = StreamPair.Open(codec, StreamPair.Wideband);

        short[] voice = SendTone(pair.A, StreamPair.Wideband, pair.B, StreamPair.Wideband, 1000);
        short[] high = SendTone(pair.A, StreamPair.Wideband, pair.B, StreamPair.Wideband, 6000);

        Assert.InRange(Measure(voice, 1000, StreamPair.Wideband), 7500, 8500);
        Assert.True(Measure(high, 6000, StreamPair.Wideband) < 50);
        Assert.True(Measure(high, 2000, StreamPair.Wideband) < 50, "6 kHz folded to 2 kHz");
    }

    [Fact]
    public void G722BetweenAn8kHzAndA16kHzDevice_CarriesSpeechBand()
    {
        RtpStream narrow = StreamPair.OpenStream(TimeProvider.System, format: StreamPair.Format);
        RtpStream wide = StreamPair.OpenStream(TimeProvider.System, format: StreamPair.Wideband);
        using (narrow)
        using (wide)
        {
            narrow.Start(new MediaNegotiation(new(IPAddress.Loopback, wide.LocalPort), AudioCodec.G722, 9, null, MediaDirection.SendRecv));
            wide.Start(new MediaNegotiation(new(IPAddress.Loopback, narrow.LocalPort), AudioCodec.G722, 9, null, MediaDirection.SendRecv));

            short[] atWide = SendTone(narrow, StreamPair.Format, wide, StreamPair.Wideband, 1000);
            short[] atNarrow = SendTone(wide, StreamPair.Wideband, narrow, StreamPair.Format, 1500);

            Assert.InRange(Measure(atWide, 1000, StreamPair.Wideband), 7500, 8500);
            Assert.InRange(Measure(atNarrow, 1500, StreamPair.Format), 7500, 8500);
        }
    }

    [Fact]
    public void G722Packets_Carry160OctetsAndAdvanceTheTimestampBy160()
    {
        using var peer = new RawRtpPeer();
        using RtpStream stream = StreamPair.OpenStream(TimeProvider.System, format: StreamPair.Wideband);
        stream.Start(new MediaNegotiation(peer.EndPoint, AudioCodec.G722, 9, null, MediaDirection.SendRecv));

        stream.SendCaptureFrame(new short[320]);
        stream.SendCaptureFrame(new short[320]);
        var first = peer.Receive();
        var second = peer.Receive();

        // RFC 3551 §4.5.2: G.722's RTP clock runs at 8000 Hz, so 20 ms is 160 units, not 320.
        Assert.Equal(9, first.Header.PayloadType);
        Assert.Equal(160, first.Payload.Length);
        Assert.Equal(first.Header.Timestamp + 160, second.Header.Timestamp);
    }

    [Fact]
    public void WidebandEngine_RendersTonesAt16kHz()
    {
        var engine = new AudioEngine(StreamPair.Wideband, ToneLocale.UnitedStates);
        engine.SetTone(CallProgressTone.Dial);
        var signal = new short[16000];
        for (int offset = 0; offset < signal.Length; offset += 320)
        {
            engine.RenderPlayback(signal.AsSpan(offset, 320));
        }

        Assert.InRange(Signal.Amplitude(signal, 350, 16000), 5000, 5200);
        Assert.InRange(Signal.Amplitude(signal, 440, 16000), 5000, 5200);
    }
}
