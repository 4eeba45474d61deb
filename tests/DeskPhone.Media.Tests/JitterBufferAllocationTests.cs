using DeskPhone.Media.Codecs;
using DeskPhone.Media.Rtp;

namespace DeskPhone.Media.Tests;

/// <summary>
/// Put and playout allocate nothing once warmed up, whatever path a frame takes: in order,
/// reordered, duplicated, lost and concealed, dropped or inserted to follow a drifting clock.
/// </summary>
public sealed class JitterBufferAllocationTests
{
    [Fact]
    public void TenThousandFrames_ThroughPutAndPlayout_AllocateNothing()
    {
        var format = StreamPair.Wideband;
        var encoder = new FrameEncoder(AudioCodec.G722, format);
        var decoder = new FrameDecoder(AudioCodec.G722, format);
        var buffer = new JitterBuffer(160);
        var playout = new Playout(buffer, format);
        short[] tone = Signal.SineFrame(440, 8000, 0, format.SampleRate);
        var payloads = new byte[4][];
        for (int i = 0; i < payloads.Length; i++)
        {
            payloads[i] = new byte[160];
            encoder.Encode(tone, payloads[i]);
        }

        var earpiece = new short[format.FrameSamples];
        int sequence = 0;

        void Period(int i)
        {
            // Every 300th period the sender's clock gets a frame ahead, every 450th one behind.
            int packets = i % 300 == 299 ? 2 : i % 450 == 449 ? 0 : 1;
            for (int p = 0; p < packets; p++, sequence++)
            {
                if (sequence % 37 == 36)
                {
                    continue;
                }

                // Swap neighbours now and then, and repeat one.
                int put = sequence % 23 == 5 ? sequence + 1 : sequence % 23 == 6 ? sequence - 1 : sequence;
                var arrival = new PacketArrival((uint)(put * 160), 8000, (sequence * 20_000L) + (i % 3 * 4_000));
                buffer.Put((ushort)put, arrival, payloads[put & 3]);
                if (sequence % 41 == 0)
                {
                    buffer.Put((ushort)put, arrival, payloads[put & 3]);
                }
            }

            playout.Read(decoder, earpiece);
        }

        for (int i = 0; i < 2_000; i++)
        {
            Period(i);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            Period(i);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(buffer.Lost > 100, $"{buffer.Lost} lost");
        Assert.True(buffer.Duplicates > 100, $"{buffer.Duplicates} duplicates");
        Assert.True(buffer.Dropped > 0, $"{buffer.Dropped} dropped");
        Assert.True(playout.Concealed > 100, $"{playout.Concealed} concealed");
    }
}
