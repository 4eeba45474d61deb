using System.Buffers.Binary;
using System.Text;

namespace DeskPhone.Interop.Tests.Audio;

public sealed class WavFileTests
{
    [Fact]
    public void WriteThenRead_MonoFile_ReturnsSameSamplesAndRate()
    {
        var samples = new short[] { 0, 1, -1, short.MaxValue, short.MinValue, 1234 };
        var path = Path.Combine(Path.GetTempPath(), $"wavfile-test-{Guid.NewGuid():N}.wav");
        try
        {
            WavFile.Write(path, samples, 8000);

            var audio = WavFile.Read(path);

            Assert.Equal(samples, audio.Samples);
            Assert.Equal(8000, audio.SampleRate);
            Assert.Equal(1, audio.Channels);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_StereoFile_ReturnsFirstChannel()
    {
        var image = WavFile.Encode([10, -10, 20, -20, 30, -30], 48000, channels: 2);

        Assert.True(WavFile.TryParse(image, out var audio, out _));
        Assert.Equal(new short[] { 10, 20, 30 }, audio.Samples);
        Assert.Equal(48000, audio.SampleRate);
        Assert.Equal(2, audio.Channels);
    }

    [Fact]
    public void Parse_WhenExtraChunksPrecedeData_SkipsThemIncludingOddPadding()
    {
        var plain = WavFile.Encode([5, 6, 7], 8000);

        // Insert a LIST chunk with an odd (3-byte) payload, padded to 4, between "fmt " and "data".
        var list = new byte[8 + 4];
        Encoding.ASCII.GetBytes("LIST", list);
        BinaryPrimitives.WriteUInt32LittleEndian(list.AsSpan(4), 3);
        var image = plain[..36].Concat(list).Concat(plain[36..]).ToArray();

        Assert.True(WavFile.TryParse(image, out var audio, out var error), error);
        Assert.Equal(new short[] { 5, 6, 7 }, audio.Samples);
    }

    [Fact]
    public void Parse_WhenDataSizeIsNotYetWritten_ReadsToTheEndAndDropsPartialFrame()
    {
        var image = WavFile.Encode([1, 2, 3, 4], 8000).Concat(new byte[] { 0x55 }).ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(40), 0);

        Assert.True(WavFile.TryParse(image, out var audio, out _));
        Assert.Equal(new short[] { 1, 2, 3, 4 }, audio.Samples);
    }

    [Fact]
    public void Parse_WhenDataSizeRunsPastTheEnd_ReadsWhatIsThere()
    {
        var image = WavFile.Encode([1, 2, 3], 8000);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(40), 1_000_000);

        Assert.True(WavFile.TryParse(image, out var audio, out _));
        Assert.Equal(new short[] { 1, 2, 3 }, audio.Samples);
    }

    [Fact]
    public void Parse_WhenFormatIsNot16BitPcm_FailsWithReason()
    {
        var image = WavFile.Encode([1, 2], 8000);
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(20), 3); // WAVE_FORMAT_IEEE_FLOAT

        Assert.False(WavFile.TryParse(image, out _, out var error));
        Assert.Contains("16-bit PCM", error);
    }

    [Fact]
    public void Parse_WhenNotRiff_FailsWithReason()
    {
        Assert.False(WavFile.TryParse("hello, world, not a wav"u8, out _, out var error));
        Assert.Contains("RIFF", error);
    }

    [Fact]
    public void Parse_WhenDataComesBeforeFormat_Fails()
    {
        var image = new byte[12 + 8 + 2];
        Encoding.ASCII.GetBytes("RIFF", image);
        Encoding.ASCII.GetBytes("WAVE", image.AsSpan(8));
        Encoding.ASCII.GetBytes("data", image.AsSpan(12));
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(16), 2);

        Assert.False(WavFile.TryParse(image, out _, out var error));
        Assert.Contains("before fmt", error);
    }
}
