using System.Text;

namespace DeskPhone.Interop.Tests.Peers;

public sealed class NetstringTests
{
    [Fact]
    public void Encode_PrefixesDecimalLengthAndAppendsComma()
    {
        Assert.Equal("12:hello world!,", Encoding.ASCII.GetString(Netstring.Encode("hello world!"u8)));
        Assert.Equal("0:,", Encoding.ASCII.GetString(Netstring.Encode(ReadOnlySpan<byte>.Empty)));
    }

    [Fact]
    public void TryRead_TwoFramesInOneBuffer_ReadsTheFirstAndReportsItsLength()
    {
        var status = Netstring.TryRead("3:abc,2:de,"u8, out var payload, out var consumed);

        Assert.Equal(NetstringStatus.Complete, status);
        Assert.Equal("abc", Encoding.ASCII.GetString(payload));
        Assert.Equal(6, consumed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("12")]
    [InlineData("5:abc")]
    [InlineData("5:abcde")]
    public void TryRead_PartialFrame_IsIncomplete(string data)
    {
        Assert.Equal(NetstringStatus.Incomplete, Netstring.TryRead(Encoding.ASCII.GetBytes(data), out _, out _));
    }

    [Theory]
    [InlineData(":abc,")]
    [InlineData("x3:abc,")]
    [InlineData("03:abc,")]
    [InlineData("3:abcd")]
    [InlineData("99999999:")]
    public void TryRead_BrokenFrame_IsMalformed(string data)
    {
        Assert.Equal(NetstringStatus.Malformed, Netstring.TryRead(Encoding.ASCII.GetBytes(data), out _, out _));
    }
}
