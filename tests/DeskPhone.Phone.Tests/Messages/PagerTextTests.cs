using System.Text;
using DeskPhone.Phone.Messages;

namespace DeskPhone.Phone.Tests.Messages;

public sealed class PagerTextTests
{
    [Theory]
    [InlineData("text/plain;charset=UTF-8")]
    [InlineData("text/plain")]
    [InlineData("TEXT/PLAIN; charset=\"utf-8\"")]
    public void Utf8_IsDecoded(string contentType)
    {
        Assert.True(PagerText.TryDecode(contentType, Encoding.UTF8.GetBytes("Perché più città?"), 4096, out var text, out _));
        Assert.Equal("Perché più città?", text);
    }

    [Fact]
    public void Utf8ByteOrderMark_IsDropped()
    {
        Assert.True(PagerText.TryDecode("text/plain", [0xEF, 0xBB, 0xBF, (byte)'o', (byte)'k'], 4096, out var text, out _));
        Assert.Equal("ok", text);
    }

    [Fact]
    public void Latin1_IsConverted()
    {
        Assert.True(PagerText.TryDecode("text/plain; charset=ISO-8859-1", [0x63, 0x61, 0x66, 0xE8], 4096, out var text, out _));
        Assert.Equal("cafè", text);
    }

    [Fact]
    public void Windows1252_MapsItsPrintableHighCharacters()
    {
        // 0x80 euro sign, 0x93/0x94 curly quotes, 0xE0 à.
        Assert.True(PagerText.TryDecode("text/plain;charset=windows-1252", [0x80, 0x35, 0x20, 0x93, 0xE0, 0x94], 4096, out var text, out _));
        Assert.Equal("€5 “à”", text);
    }

    [Theory]
    [InlineData("utf-16", new byte[] { 0xFF, 0xFE, 0xF2, 0x00, 0x6B, 0x00 })]
    [InlineData("utf-16", new byte[] { 0xFE, 0xFF, 0x00, 0xF2, 0x00, 0x6B })]
    [InlineData("utf-16", new byte[] { 0x00, 0xF2, 0x00, 0x6B })]
    [InlineData("UTF-16LE", new byte[] { 0xF2, 0x00, 0x6B, 0x00 })]
    [InlineData("utf-16be", new byte[] { 0x00, 0xF2, 0x00, 0x6B })]
    public void Utf16_FollowsTheByteOrderMarkOrTheLabel(string charset, byte[] body)
    {
        Assert.True(PagerText.TryDecode("text/plain;charset=" + charset, body, 4096, out var text, out _));
        Assert.Equal("òk", text);
    }

    [Fact]
    public void LineBreaks_BecomeNewlines_ControlCharactersGo()
    {
        Assert.True(PagerText.TryDecode("text/plain", Encoding.UTF8.GetBytes("one\r\ntwo\rthree\tfour\u0007\r\n"), 4096, out var text, out _));
        Assert.Equal("one\ntwo\nthree four", text);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/im-iscomposing+xml")]
    [InlineData(null)]
    public void OtherContentTypes_Get415OfferingTextPlain(string? contentType)
    {
        Assert.False(PagerText.TryDecode(contentType, "<b>hi</b>"u8, 4096, out _, out var rejection));
        Assert.Equal((415, true), (rejection.StatusCode, rejection.OfferAcceptHeader));
    }

    [Fact]
    public void UnknownCharset_Gets415()
    {
        Assert.False(PagerText.TryDecode("text/plain;charset=koi8-r", "x"u8, 4096, out _, out var rejection));
        Assert.Equal(415, rejection.StatusCode);
        Assert.Contains("koi8-r", rejection.ReasonPhrase);
    }

    [Fact]
    public void BodyOverTheLimit_Gets413_AtTheLimitPasses()
    {
        Assert.False(PagerText.TryDecode("text/plain", new byte[65], 64, out _, out var rejection));
        Assert.Equal((413, "Request Entity Too Large", false), (rejection.StatusCode, rejection.ReasonPhrase, rejection.OfferAcceptHeader));

        Assert.True(PagerText.TryDecode("text/plain", Encoding.ASCII.GetBytes(new string('a', 64)), 64, out var text, out _));
        Assert.Equal(64, text.Length);
    }
}
