using DeskPhone.Media.Dtmf;

namespace DeskPhone.Media.Tests;

public sealed class TelephoneEventTests
{
    [Fact]
    public void Write_EndOfDigit5_GivesTheRfc4733Octets()
    {
        var payload = new byte[4];

        int length = new TelephoneEvent(Event: 5, End: true, Volume: 10, Duration: 800).Write(payload);

        // Event 5; E set, R clear, volume 10; duration 800 = 0x0320.
        Assert.Equal(4, length);
        Assert.Equal([0x05, 0x8A, 0x03, 0x20], payload);
    }

    [Fact]
    public void TryRead_IgnoresTheReservedBitAndExtraEvents()
    {
        byte[] payload = [0x0B, 0x7F, 0xFF, 0xFE, 0x01, 0x02, 0x03, 0x04];

        Assert.True(TelephoneEvent.TryRead(payload, out TelephoneEvent read));

        Assert.Equal(new TelephoneEvent(11, End: false, Volume: 63, Duration: 0xFFFE), read);
    }

    [Fact]
    public void TryRead_ShorterThanFourOctets_Fails()
    {
        Assert.False(TelephoneEvent.TryRead([0x01, 0x8A, 0x00], out _));
    }

    [Theory]
    [InlineData('0', 0)]
    [InlineData('9', 9)]
    [InlineData('*', 10)]
    [InlineData('#', 11)]
    [InlineData('A', 12)]
    [InlineData('d', 15)]
    public void DtmfEvents_MapKeysToTheRfc4733Codes(char key, byte code)
    {
        Assert.True(DtmfEvents.TryGetEvent(key, out byte mapped));
        Assert.Equal(code, mapped);
        Assert.Equal(char.ToUpperInvariant(key), DtmfEvents.ToDigit(code));
    }

    [Fact]
    public void DtmfEvents_RejectOtherCharactersAndEvents()
    {
        Assert.False(DtmfEvents.TryGetEvent('E', out _));
        Assert.False(DtmfEvents.TryGetEvent('+', out _));
        Assert.False(DtmfEvents.IsDtmf(16));
    }
}
