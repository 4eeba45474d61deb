using DeskPhone.Media.Rtp;

namespace DeskPhone.Media.Tests;

public sealed class JitterBufferTests
{
    private const int FrameSamples = 160;
    private readonly JitterBuffer _buffer = new(FrameSamples);

    /// <summary>Non-zero sample value that identifies the frame of a sequence number.</summary>
    private static short? Mark(int sequence) => (short)((sequence % 30000) + 1);

    private JitterBufferPut Put(int sequence) =>
        _buffer.Put((ushort)sequence, Enumerable.Repeat(Mark(sequence)!.Value, FrameSamples).ToArray());

    /// <summary>Reads one frame: its mark, or null for silence.</summary>
    private short? Read()
    {
        var frame = new short[FrameSamples];
        bool audio = _buffer.Read(frame);
        Assert.All(frame, sample => Assert.Equal(frame[0], sample));
        Assert.Equal(audio, frame[0] != 0);
        return audio ? frame[0] : null;
    }

    [Fact]
    public void Read_BeforePrefill_PlaysSilence()
    {
        Assert.Null(Read());
        Assert.Equal(JitterBufferPut.Accepted, Put(10));
        Assert.Null(Read());
    }

    [Fact]
    public void Read_AfterTwoFrames_PlaysThemInOrder()
    {
        Put(10);
        Put(11);

        Assert.Equal(Mark(10), Read());
        Assert.Equal(Mark(11), Read());
    }

    [Fact]
    public void Read_WhenPacketsArriveReordered_PlaysInSequenceOrder()
    {
        Put(12);
        Put(10);
        Put(11);

        Assert.Equal([Mark(10), Mark(11), Mark(12)], new[] { Read(), Read(), Read() });
    }

    [Fact]
    public void Put_Duplicate_IsRejectedAndPlayedOnce()
    {
        Put(10);
        Assert.Equal(JitterBufferPut.Duplicate, Put(10));
        Put(11);
        Put(12);

        Assert.Equal([Mark(10), Mark(11), Mark(12)], new[] { Read(), Read(), Read() });
    }

    [Fact]
    public void Put_AfterItsPlayoutTime_IsLate()
    {
        Put(10);
        Put(11);
        Put(13);
        Assert.Equal(Mark(10), Read());
        Assert.Equal(Mark(11), Read());
        Assert.Null(Read());

        Assert.Equal(JitterBufferPut.Late, Put(12));
        Assert.Equal(Mark(13), Read());
    }

    [Fact]
    public void Read_WhenAFrameIsLost_PlaysSilenceThenContinues()
    {
        Put(10);
        Put(12);

        Assert.Equal([Mark(10), null, Mark(12)], new[] { Read(), Read(), Read() });
    }

    [Fact]
    public void Read_OnUnderrun_WaitsForPrefillWithoutSkippingTheLateFrame()
    {
        Put(10);
        Put(11);
        Read();
        Read();

        Assert.Null(Read());
        Assert.Equal(JitterBufferPut.Accepted, Put(12));
        Assert.Null(Read());
        Put(13);

        Assert.Equal([Mark(12), Mark(13)], new[] { Read(), Read() });
    }

    [Fact]
    public void Read_AfterUnderrun_NeverReplaysAFrameAlreadyPlayed()
    {
        Put(10);
        Put(11);
        Read();
        Read();
        Read();

        Put(11);
        Put(12);
        Put(13);

        Assert.Equal([Mark(12), Mark(13)], new[] { Read(), Read() });
    }

    [Fact]
    public void Read_AcrossSequenceWrap_KeepsOrder()
    {
        Put(65534);
        Put(0);
        Put(65535);
        Put(1);

        Assert.Equal(
            [Mark(65534), Mark(65535), Mark(0), Mark(1)],
            new[] { Read(), Read(), Read(), Read() });
    }

    [Fact]
    public void Put_FarAheadOfPlayout_IsTooEarly()
    {
        Put(10);
        Put(11);
        Read();

        Assert.Equal(JitterBufferPut.TooEarly, Put(11 + JitterBuffer.SlotCount));
    }

    [Fact]
    public void Read_WhenBufferRunsDeep_DropsOldestToBoundLatency()
    {
        for (int sequence = 100; sequence < 100 + 12; sequence++)
        {
            Put(sequence);
        }

        short? first = Read();

        Assert.True(first > Mark(100), $"played {first}: the backlog was not trimmed");
        var played = new List<short?> { first };
        for (int i = 0; i < 12; i++)
        {
            played.Add(Read());
        }

        short?[] audio = played.Where(mark => mark is not null).ToArray();
        Assert.Equal(audio.OrderBy(mark => mark), audio);
        Assert.Equal(Mark(111), audio[^1]);
    }

    [Fact]
    public void Put_WrongFrameSize_IsRejected()
    {
        Assert.Equal(JitterBufferPut.WrongSize, _buffer.Put(1, new short[80]));
    }
}
