using DeskPhone.Media.Dtmf;

namespace DeskPhone.Media.Tests;

public sealed class DtmfReceiverTests
{
    private const uint Ssrc = 0xCAFE;

    private readonly DtmfReceiver _receiver = new();

    private char? Accept(uint timestamp, byte eventCode, bool end, ushort duration, uint ssrc = Ssrc) =>
        _receiver.TryAccept(ssrc, timestamp, new TelephoneEvent(eventCode, end, 10, duration), out char digit) ? digit : null;

    [Fact]
    public void OneDigit_WithUpdatesAndThreeEndPackets_IsReportedOnceOnItsFirstPacket()
    {
        char?[] reported =
        [
            Accept(8000, 1, false, 160),
            Accept(8000, 1, false, 320),
            Accept(8000, 1, true, 480),
            Accept(8000, 1, true, 480),
            Accept(8000, 1, true, 480),
        ];

        Assert.Equal(['1', null, null, null, null], reported);
    }

    [Fact]
    public void SameKeyTwice_IsTwoDigitsByTheirTimestamps()
    {
        Accept(8000, 3, true, 960);

        Assert.Equal('3', Accept(9600, 3, false, 160));
    }

    [Fact]
    public void DigitWhoseEarlyPacketsWereLost_IsReportedFromItsEndPacket()
    {
        Assert.Equal('#', Accept(16000, 11, true, 960));
    }

    [Fact]
    public void StragglerOfAnOlderEvent_IsNotANewDigit()
    {
        Accept(8000, 4, false, 160);
        Accept(9600, 5, false, 160);

        Assert.Null(Accept(8000, 4, true, 960));
    }

    [Fact]
    public void NewSource_StartsAfresh()
    {
        Accept(8000, 4, false, 160);

        Assert.Equal('4', Accept(100, 4, false, 160, ssrc: 0xBEEF));
    }

    [Fact]
    public void LongEventContinuedInANewSegment_IsStillOneDigit()
    {
        Assert.Equal('0', Accept(1000, 0, false, 65_000));

        // RFC 4733 §2.5.1.3: the next segment starts where the previous one ended.
        Assert.Null(Accept(1000 + 65_000, 0, false, 160));
        Assert.Null(Accept(1000 + 65_000, 0, true, 4000));
    }

    [Fact]
    public void NonDtmfEvents_AreIgnored()
    {
        // Event 32 is an answer tone (RFC 4734), not a key.
        Assert.Null(Accept(8000, 32, false, 160));
    }
}
