using System.Net;
using System.Net.Sockets;
using DeskPhone.Media.Rtp;

namespace DeskPhone.Media.Tests;

/// <summary>The simplified G.107 E-model, and the quality snapshot a stream gives.</summary>
public sealed class CallQualityTests
{
    [Fact]
    public void Mos_OfTheDefaultRating_Is4Point41()
    {
        // G.107: with every parameter at its default R = 93.2, which Annex B maps to MOS 4.41.
        Assert.Equal(4.41, EModel.Mos(EModel.Rating(AudioCodec.G722, TimeSpan.FromMilliseconds(60), 0)), 0.005);
        Assert.Equal(1, EModel.Mos(-3));
        Assert.Equal(4.5, EModel.Mos(120));
        Assert.Equal(2.575, EModel.Mos(50), 0.0005);
    }

    [Fact]
    public void Rating_WithLoss_UsesG711BplWithConcealment()
    {
        // Ie,eff = 0 + 95 · 2 / (2 + 25.1).
        Assert.Equal(93.2 - (95 * 2 / 27.1), EModel.Rating(AudioCodec.Pcmu, TimeSpan.FromMilliseconds(80), 2), 1e-9);
    }

    [Theory]
    [InlineData(100, 0)]
    [InlineData(200, 3.044)]
    [InlineData(400, 24.07)]
    public void Rating_WithLongDelay_SubtractsIdd(int milliseconds, double impairment)
    {
        Assert.Equal(93.2 - impairment, EModel.Rating(AudioCodec.Pcma, TimeSpan.FromMilliseconds(milliseconds), 0), 0.01);
    }

    [Fact]
    public void Quality_AfterLossAndConcealment_ReportsThemAndALowerMos()
    {
        using var peer = new RawRtpPeer();
        using RtpStream stream = StreamPair.OpenStream(TimeProvider.System);
        stream.Start(new MediaNegotiation(peer.EndPoint, AudioCodec.Pcmu, 0, null, MediaDirection.SendRecv));
        Assert.Equal(4.41, stream.Quality.Mos, 0.005);

        // Ten packets, of which the fifth never arrives: 10 % loss, one concealed frame.
        var payload = Enumerable.Repeat((byte)0x80, 160).ToArray();
        ushort[] sent = [.. Enumerable.Range(0, 10).Where(n => n != 4).Select(n => (ushort)n)];
        foreach (ushort sequence in sent)
        {
            peer.SendTo(stream, RawRtpPeer.Packet(new RtpHeader(false, 0, sequence, sequence * 160u, 0xBEEF), payload));
        }

        StreamPair.WaitForReceived(stream, sent.Length);
        var frame = new short[160];
        for (int i = 0; i < 10; i++)
        {
            stream.ReadPlayoutFrame(frame);
        }

        CallQuality quality = stream.Quality;

        Assert.Equal(10, quality.LossPercent, 1e-9);
        Assert.Equal(1, quality.ConcealedFrames);
        Assert.Equal(0, quality.Underruns);
        Assert.Null(quality.RoundTripMilliseconds);
        Assert.True(quality.BufferDelayMilliseconds >= 20);

        // Under 100 ms one way, so only the loss counts: R = 93.2 - 95 · 10 / 35.1 = 66.1, MOS 3.41.
        Assert.Equal(3.41, quality.Mos, 0.005);
    }
}
