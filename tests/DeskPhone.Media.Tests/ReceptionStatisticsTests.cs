using DeskPhone.Media.Rtcp;

namespace DeskPhone.Media.Tests;

/// <summary>Loss and sequence bookkeeping for reception reports (RFC 3550 §A.1, §A.3).</summary>
public sealed class ReceptionStatisticsTests
{
    private readonly ReceptionStatistics _statistics = new();

    private void Receive(params int[] sequences)
    {
        foreach (int sequence in sequences)
        {
            _statistics.Add(0xABCD, (ushort)sequence);
        }
    }

    [Fact]
    public void Loss_OfFiveInAHundred_IsReportedAsFractionAndCumulative()
    {
        Receive([.. Enumerable.Range(1000, 100).Where(sequence => sequence % 20 != 3)]);

        Assert.Equal(100, _statistics.Expected);
        Assert.Equal(5, _statistics.CumulativeLost);
        Assert.Equal(5 * 256 / 100, _statistics.TakeFractionLost());

        Receive(1100, 1101);
        Assert.Equal(0, _statistics.TakeFractionLost());
    }

    [Fact]
    public void SequenceWrap_CountsACycleInTheExtendedHighestSequence()
    {
        Receive(65534, 65535, 0, 1);

        Assert.Equal(0x0001_0001u, _statistics.ExtendedHighestSequence);
        Assert.Equal(4, _statistics.Expected);
        Assert.Equal(0, _statistics.CumulativeLost);
    }

    [Fact]
    public void Duplicates_MakeTheCumulativeLossNegativeButNotTheFraction()
    {
        Receive(10, 11, 11, 12, 12);

        Assert.Equal(-2, _statistics.CumulativeLost);
        Assert.Equal(0, _statistics.TakeFractionLost());
    }

    [Fact]
    public void LargeJump_IsIgnoredUntilTheNextPacketConfirmsIt()
    {
        Receive(100, 101, 20000);
        Assert.Equal(101u, _statistics.ExtendedHighestSequence);

        Receive(20001);

        Assert.Equal(20001u, _statistics.ExtendedHighestSequence);
        Assert.Equal(1, _statistics.Expected);
    }

    [Fact]
    public void NewSsrc_StartsOver()
    {
        Receive(100, 105);
        _statistics.Add(0x1234, 7);

        Assert.Equal(0x1234u, _statistics.Ssrc);
        Assert.Equal(0, _statistics.CumulativeLost);
    }
}
