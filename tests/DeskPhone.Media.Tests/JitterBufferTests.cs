using DeskPhone.Media.Rtp;

namespace DeskPhone.Media.Tests;

/// <summary>Ordering, duplicates, late packets, loss and bounds of the jitter buffer, packet by packet.</summary>
public sealed class JitterBufferTests
{
    private readonly JitterBuffer _buffer = new(JitterFrames.PayloadBytes);

    private JitterBufferPut Put(int sequence) => JitterFrames.Put(_buffer, sequence);

    /// <summary>Pops one period: the sequence number of the frame played, or the reason there is none.</summary>
    private (JitterPop Pop, int? Sequence) Pop() => JitterFrames.Pop(_buffer);

    private int? Played() => Pop().Sequence;

    [Fact]
    public void Pop_BeforeAnyPacket_IsIdle()
    {
        Assert.Equal((JitterPop.Idle, null), Pop());
    }

    [Fact]
    public void Pop_AfterOneFrame_PlaysItAtOnceWithoutJitter()
    {
        Assert.Equal(JitterBufferPut.Accepted, Put(10));

        Assert.Equal((JitterPop.Frame, 10), Pop());
        Assert.Equal(1, _buffer.TargetFrames);
    }

    [Fact]
    public void Pop_WhenPacketsArriveReordered_PlaysInSequenceOrder()
    {
        Put(12);
        Put(10);
        Put(11);

        Assert.Equal([10, 11, 12], new[] { Played(), Played(), Played() });
    }

    [Fact]
    public void Put_Duplicate_IsRejectedCountedAndPlayedOnce()
    {
        Put(10);
        Assert.Equal(JitterBufferPut.Duplicate, Put(10));
        Put(11);
        Put(12);

        Assert.Equal([10, 11, 12], new[] { Played(), Played(), Played() });
        Assert.Equal(1, _buffer.Duplicates);
    }

    [Fact]
    public void Put_AfterItsPlayoutTime_IsLateAndCounted()
    {
        Put(10);
        Put(11);
        Put(13);
        Assert.Equal((JitterPop.Frame, 10), Pop());
        Assert.Equal((JitterPop.Frame, 11), Pop());
        Assert.Equal((JitterPop.Lost, null), Pop());

        Assert.Equal(JitterBufferPut.Late, Put(12));
        Assert.Equal((JitterPop.Frame, 13), Pop());
        Assert.Equal(1, _buffer.Late);
        Assert.Equal(1, _buffer.Lost);
    }

    [Fact]
    public void Pop_OnUnderrun_WaitsWithoutSkippingTheLateFrame()
    {
        Put(10);
        Played();

        Assert.Equal((JitterPop.Underrun, null), Pop());
        Assert.Equal((JitterPop.Underrun, null), Pop());
        Assert.Equal(JitterBufferPut.Accepted, Put(11));
        Put(12);

        Assert.Equal([11, 12], new[] { Played(), Played() });
        Assert.Equal(1, _buffer.Underruns);
    }

    [Fact]
    public void Pop_AfterUnderrun_NeverReplaysAFrameAlreadyPlayed()
    {
        Put(10);
        Put(11);
        Played();
        Played();
        Pop();

        Put(11);
        Put(12);
        Put(13);

        Assert.Equal([12, 13], new[] { Played(), Played() });
    }

    [Fact]
    public void Pop_AcrossSequenceWrap_KeepsOrder()
    {
        Put(65534);
        Put(0);
        Put(65535);
        Put(1);

        Assert.Equal([65534, 65535, 0, 1], new[] { Played(), Played(), Played(), Played() });
    }

    [Fact]
    public void Put_FarAheadOfPlayout_IsTooEarly()
    {
        Put(10);
        Put(11);
        Played();

        Assert.Equal(JitterBufferPut.TooEarly, Put(11 + JitterBuffer.SlotCount));
        Assert.Equal(1, _buffer.TooEarly);
    }

    [Fact]
    public void Pop_WhenTheSenderRestartsItsNumbering_ResyncsAfterTheBufferDrains()
    {
        Put(40000);
        Played();
        Assert.Equal(JitterBufferPut.Late, Put(20000));
        Assert.Equal(JitterPop.Underrun, Pop().Pop);

        Put(20000);
        Put(20001);

        Assert.Equal([20000, 20001], new[] { Played(), Played() });
    }

    [Fact]
    public void Pop_WhenABurstExceedsTheMaximumDepth_DropsTheOldestAtOnce()
    {
        for (int sequence = 100; sequence < 100 + JitterBuffer.MaxDepthFrames + 4; sequence++)
        {
            Put(sequence);
        }

        int? first = Played();

        Assert.Equal(104, first);
        Assert.True(_buffer.Skipped);
        Assert.Equal(4, _buffer.Dropped);
    }

    [Fact]
    public void Put_EmptyOrOversizedPayload_IsRejected()
    {
        var arrival = new PacketArrival(0, 8000, 0);

        Assert.Equal(JitterBufferPut.WrongSize, _buffer.Put(1, arrival, []));
        Assert.Equal(JitterBufferPut.WrongSize, _buffer.Put(1, arrival, new byte[JitterFrames.PayloadBytes + 1]));
    }

    [Fact]
    public void TryPeekNext_AfterALostFrame_GivesTheFollowingOneWithoutTakingIt()
    {
        Put(10);
        Put(12);
        Played();
        Assert.Equal(JitterPop.Lost, Pop().Pop);

        var peeked = new byte[JitterFrames.PayloadBytes];
        Assert.True(_buffer.TryPeekNext(peeked, out int length));

        Assert.Equal(12, JitterFrames.SequenceOf(peeked.AsSpan(0, length)));
        Assert.Equal(12, Played());
    }
}
