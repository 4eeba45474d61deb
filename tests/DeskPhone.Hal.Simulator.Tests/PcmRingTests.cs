using DeskPhone.Hal.Simulator;

namespace DeskPhone.Hal.Simulator.Tests;

public sealed class PcmRingTests
{
    [Fact]
    public void TryWrite_WhenTheFrameDoesNotFit_RefusesItWhole()
    {
        var ring = new PcmRing(5);

        Assert.True(ring.TryWrite([1, 2, 3]));
        Assert.False(ring.TryWrite([4, 5, 6]));

        var read = new short[5];
        Assert.Equal(3, ring.Read(read));
        Assert.Equal([1, 2, 3], read[..3]);
    }

    [Fact]
    public void ReadAndWrite_AcrossTheEndOfTheBuffer_KeepOrder()
    {
        var ring = new PcmRing(4);
        var read = new short[4];
        ring.TryWrite([1, 2, 3]);
        ring.Read(read.AsSpan(0, 2));

        Assert.True(ring.TryWrite([4, 5, 6]));
        Assert.Equal(4, ring.Read(read));

        Assert.Equal([3, 4, 5, 6], read);
    }

    [Fact]
    public void ProducerAndConsumerOnTwoThreads_PassEverySampleInOrder()
    {
        var ring = new PcmRing(64);
        const int total = 20_000;
        var producer = new Thread(() =>
        {
            short next = 0;
            var frame = new short[10];
            int sent = 0;
            while (sent < total)
            {
                for (int i = 0; i < frame.Length; i++)
                {
                    frame[i] = (short)(next + i);
                }

                if (ring.TryWrite(frame))
                {
                    next += (short)frame.Length;
                    sent += frame.Length;
                }
                else
                {
                    Thread.Yield();
                }
            }
        });
        producer.Start();

        short expected = 0;
        var buffer = new short[7];
        int received = 0;
        int outOfOrder = 0;
        while (received < total)
        {
            int count = ring.Read(buffer);
            for (int i = 0; i < count; i++)
            {
                outOfOrder += buffer[i] == expected++ ? 0 : 1;
            }

            received += count;
            if (count == 0)
            {
                Thread.Yield();
            }
        }

        producer.Join();
        Assert.Equal(0, outOfOrder);
    }
}
