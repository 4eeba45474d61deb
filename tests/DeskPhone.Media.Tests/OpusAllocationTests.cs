using DeskPhone.Media.Codecs;
using DeskPhone.Media.Rtp;

namespace DeskPhone.Media.Tests;

/// <summary>
/// Opus on libopus allocates nothing on the audio path once warmed up, on the paths a loopback
/// call never takes: a lost frame rebuilt from the next packet's FEC, and a burst of losses
/// concealed by the decoder. (<see cref="AllocationTests"/> runs the whole pipeline.)
/// </summary>
public sealed class OpusAllocationTests
{
    [Fact]
    public void TenThousandFrames_WithLossesRebuiltAndConcealed_AllocateNothing()
    {
        OpusAudio.RequireNative();
        var format = StreamPair.Wideband;
        var encoder = new FrameEncoder(AudioCodec.Opus, format);
        var decoder = new FrameDecoder(AudioCodec.Opus, format);
        Assert.Equal(OpusLibrary.Native, encoder.OpusLibrary);
        Assert.Equal(OpusLibrary.Native, decoder.OpusLibrary);
        var buffer = new JitterBuffer(CodecFormats.MaxOpusPayloadBytes);
        var playout = new Playout(buffer, format);
        short[] speech = TestSignals.SpeechLike(format.SampleRate, 1, seed: 9);
        var payload = new byte[encoder.MaxPayloadBytes];
        var earpiece = new short[format.FrameSamples];

        // Every fifth packet comes 15 ms late, so the buffer keeps two frames: when one packet
        // is lost the next is there for its FEC (391 of the 770 losses, counted once with a
        // probe); a burst of three leaves nothing to rebuild the first two from, and the
        // decoder conceals them.
        void Period(int i)
        {
            int sequence = i + 1;
            int length = encoder.Encode(speech.AsSpan(sequence % 50 * format.FrameSamples, format.FrameSamples), payload);
            bool lost = sequence % 29 == 0 || sequence % 97 is 0 or 1 or 2;
            if (!lost)
            {
                var arrival = new PacketArrival((uint)(sequence * 960), 48000, (i * 20_000L) + (sequence % 5 == 0 ? 15_000 : 0));
                buffer.Put((ushort)sequence, arrival, payload.AsSpan(0, length));
            }

            playout.Read(decoder, earpiece);
        }

        for (int i = 0; i < 2_000; i++)
        {
            Period(i);
        }

        long concealedBefore = playout.Concealed;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 2_000; i < 12_000; i++)
        {
            Period(i);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(2, buffer.TargetFrames);
        Assert.True(buffer.Lost > 300, $"{buffer.Lost} lost");
        Assert.True(playout.Concealed - concealedBefore > 500, $"{playout.Concealed - concealedBefore} concealed");
    }
}
