using DeskPhone.Hal;
using DeskPhone.Media.Codecs;

namespace DeskPhone.Media.Tests;

public sealed class FrameCodecTests
{
    [Theory]
    [InlineData(AudioCodec.Pcmu, 8000)]
    [InlineData(AudioCodec.Pcma, 16000)]
    [InlineData(AudioCodec.G722, 8000)]
    [InlineData(AudioCodec.G722, 16000)]
    public void EveryCodecOnEveryDevice_Sends160OctetsPer20Ms(AudioCodec codec, int sampleRate)
    {
        var encoder = new FrameEncoder(codec, new AudioFormat(sampleRate, sampleRate / 50));
        var payload = new byte[200];

        Assert.Equal(160, encoder.Encode(new short[sampleRate / 50], payload));
    }

    [Fact]
    public void TryDecode_PayloadOfAnotherPacketTime_IsRefused()
    {
        var decoder = new FrameDecoder(AudioCodec.G722, new AudioFormat(16000, 320));
        var frame = new short[320];

        Assert.False(decoder.TryDecode(new byte[80], frame));
        Assert.False(decoder.TryDecode(new byte[240], frame));
        Assert.True(decoder.TryDecode(new byte[160], frame));
    }

    [Fact]
    public void Encode_FrameOfAnotherSize_Throws()
    {
        var encoder = new FrameEncoder(AudioCodec.Pcmu, new AudioFormat(16000, 320));

        Assert.Throws<ArgumentException>(() => encoder.Encode(new short[160], new byte[160]));
    }
}
