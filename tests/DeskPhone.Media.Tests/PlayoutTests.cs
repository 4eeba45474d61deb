using DeskPhone.Hal;
using DeskPhone.Media.Codecs;
using DeskPhone.Media.Rtp;

namespace DeskPhone.Media.Tests;

/// <summary>Jitter buffer → decoder → concealment, as the audio thread runs it, with real codecs.</summary>
public sealed class PlayoutTests
{
    private const int Frames = 12;

    /// <summary>
    /// Encodes a 250 Hz tone with <paramref name="codec"/>, loses the packets in
    /// <paramref name="lost"/>, and returns what playout produced, frame after frame.
    /// </summary>
    private static (short[] Played, Playout Playout, JitterBuffer Buffer) PlayTone(AudioCodec codec, AudioFormat format, params int[] lost)
    {
        var encoder = new FrameEncoder(codec, format);
        var decoder = new FrameDecoder(codec, format);
        var buffer = new JitterBuffer(160);
        var playout = new Playout(buffer, format);
        var payload = new byte[160];
        var played = new short[Frames * format.FrameSamples];
        for (int i = 0; i < Frames; i++)
        {
            int length = encoder.Encode(Signal.SineFrame(250, 8000, i * format.FrameSamples, format.SampleRate), payload);
            if (!lost.Contains(i))
            {
                buffer.Put((ushort)i, new PacketArrival((uint)(i * 160), 8000, i * 20_000L), payload.AsSpan(0, length));
            }

            playout.Read(decoder, played.AsSpan(i * format.FrameSamples, format.FrameSamples));
        }

        return (played, playout, buffer);
    }

    [Theory]
    [InlineData(AudioCodec.Pcmu, 8000)]
    [InlineData(AudioCodec.Pcma, 16000)]
    [InlineData(AudioCodec.G722, 16000)]
    public void LostFrame_IsConcealedWithTheToneNotSilence(AudioCodec codec, int sampleRate)
    {
        var format = new AudioFormat(sampleRate, sampleRate / 50);

        (short[] played, Playout playout, JitterBuffer buffer) = PlayTone(codec, format, 5);

        int n = format.FrameSamples;
        double concealed = Signal.Amplitude(played.AsSpan(5 * n, n / 2), 250, sampleRate);
        Assert.InRange(concealed, 6400, 9000);
        Assert.InRange(Signal.Amplitude(played.AsSpan(7 * n, n), 250, sampleRate), 7200, 8800);
        Assert.Equal(1, playout.Concealed);
        Assert.Equal(1, buffer.Lost);
    }

    [Fact]
    public void LongLoss_FadesToSilenceAfter60ms()
    {
        (short[] played, Playout playout, _) = PlayTone(AudioCodec.Pcmu, StreamPair.Format, 4, 5, 6, 7, 8);

        Assert.True(Signal.Amplitude(played.AsSpan(4 * 160, 80), 250) > 6000);
        Assert.All(played.AsSpan(7 * 160, 2 * 160).ToArray(), sample => Assert.Equal(0, sample));
        Assert.Equal(3, playout.Concealed);
        Assert.InRange(Signal.Amplitude(played.AsSpan(10 * 160, 160), 250), 7200, 8800);
    }

    [Fact]
    public void Read_WithoutDecoder_DrainsTheBufferAndPlaysSilence()
    {
        var buffer = new JitterBuffer(160);
        var playout = new Playout(buffer, StreamPair.Format);
        buffer.Put(1, new PacketArrival(160, 8000, 20_000), Enumerable.Repeat((byte)0x10, 160).ToArray());
        var frame = Enumerable.Repeat((short)7, 160).ToArray();

        playout.Read(null, frame);

        Assert.All(frame, sample => Assert.Equal(0, sample));
        Assert.Equal(JitterPop.Underrun, buffer.Pop(new byte[160], out _));
    }
}
