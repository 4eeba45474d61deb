using DeskPhone.Media.Dtmf;

namespace DeskPhone.Media.Tests;

public sealed class DtmfSenderTests
{
    private const uint Step = 160;

    /// <summary>Runs the sender for <paramref name="periods"/> 20 ms periods from timestamp 1000.</summary>
    private static List<DtmfFrame> Run(DtmfSender sender, int periods) =>
        [.. Enumerable.Range(0, periods).Select(i => sender.Next(1000 + ((uint)i * Step)))];

    [Fact]
    public void OneDigit_SoundsItsPeriodsThenRepeatsTheEndTwiceThenGoesIdle()
    {
        var sender = new DtmfSender(digitPeriods: 3, gapPeriods: 4);
        Assert.True(sender.TryEnqueue('7'));

        List<DtmfFrame> frames = Run(sender, 8);

        DtmfFrame Tone(int periods, bool start, bool end) => new(true, '7', 7, 1000, periods, start, end, Tone: true);
        DtmfFrame Repeat() => new(true, '7', 7, 1000, 3, Start: false, End: true, Tone: false);
        Assert.Equal(
            [Tone(1, true, false), Tone(2, false, false), Tone(3, false, true), Repeat(), Repeat(), DtmfFrame.Idle, DtmfFrame.Idle, DtmfFrame.Idle],
            frames);
    }

    [Fact]
    public void TwoDigits_TheSecondStartsAfterTheGapWithItsOwnTimestamp()
    {
        var sender = new DtmfSender(digitPeriods: 2, gapPeriods: 3);
        sender.TryEnqueue('*');
        sender.TryEnqueue('2');

        List<DtmfFrame> frames = Run(sender, 7);

        Assert.Equal(['*', '*', '*', '*', '\0', '2', '2'], frames.Select(frame => frame.Digit));
        Assert.Equal(1000 + (5 * Step), frames[5].Timestamp);
        Assert.True(frames[5].Start);
        Assert.Equal(10, frames[0].Event);
    }

    [Fact]
    public void Cancel_DropsTheDigitInProgressAndTheQueue()
    {
        var sender = new DtmfSender(digitPeriods: 5, gapPeriods: 2);
        sender.TryEnqueue('1');
        sender.TryEnqueue('2');
        Run(sender, 2);

        sender.Cancel();

        Assert.All(Run(sender, 20), frame => Assert.Equal(DtmfFrame.Idle, frame));
    }

    [Fact]
    public void TryEnqueue_BeyondCapacity_ReturnsFalse()
    {
        var sender = new DtmfSender(digitPeriods: 1, gapPeriods: 2);
        for (int i = 0; i < DigitQueue.Capacity; i++)
        {
            Assert.True(sender.TryEnqueue('5'));
        }

        Assert.False(sender.TryEnqueue('5'));
        sender.Next(0);
        Assert.True(sender.TryEnqueue('5'));
    }

    [Fact]
    public void TryEnqueue_NotADtmfKey_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DtmfSender(1, 2).TryEnqueue('x'));
    }

    [Fact]
    public void Constructor_GapShorterThanTheEndRepeats_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DtmfSender(digitPeriods: 5, gapPeriods: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DtmfSender(digitPeriods: 0, gapPeriods: 2));
    }
}
