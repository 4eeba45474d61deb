using System.Buffers.Binary;
using DeskPhone.Hal.Simulator;

namespace DeskPhone.Hal.Simulator.Tests;

public sealed class WavFormatTests
{
    [Fact]
    public void TryReadPcm16Mono_ReadsTheSamples_SkippingOtherChunks()
    {
        byte[] file = WavFiles.Pcm(8000, 1, 16, 1, [1, -2, 300, short.MinValue], withListChunk: true);

        short[]? samples = WavFormat.TryReadPcm16Mono(file, 8000, out string error);

        Assert.Equal(string.Empty, error);
        Assert.Equal([1, -2, 300, short.MinValue], samples);
    }

    [Theory]
    [InlineData(44100, 1, 16, 1, "44100 Hz")]
    [InlineData(8000, 2, 16, 1, "2 channel(s)")]
    [InlineData(8000, 1, 8, 1, "8-bit")]
    [InlineData(8000, 1, 32, 3, "format tag 3")]
    public void TryReadPcm16Mono_WithAnotherFormat_SaysWhatWasExpectedAndFound(int rate, short channels, short bits, short tag, string found)
    {
        byte[] file = WavFiles.Pcm(rate, channels, bits, tag, [0, 0, 0, 0]);

        short[]? samples = WavFormat.TryReadPcm16Mono(file, 8000, out string error);

        Assert.Null(samples);
        Assert.Contains("expected 16-bit PCM mono at 8000 Hz", error);
        Assert.Contains(found, error);
    }

    [Fact]
    public void TryReadPcm16Mono_WithNonRiffData_Fails()
    {
        Assert.Null(WavFormat.TryReadPcm16Mono("hello, world"u8, 8000, out string error));
        Assert.Equal("not a RIFF WAVE file", error);
    }

    [Fact]
    public void WriteHeader_WritesACanonicalPcmHeader()
    {
        var header = new byte[WavFormat.HeaderBytes];

        WavFormat.WriteHeader(header, 8000, 320);

        Assert.Equal("RIFF"u8.ToArray(), header[..4]);
        Assert.Equal(36u + 320, BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4)));
        Assert.Equal("WAVEfmt "u8.ToArray(), header[8..16]);
        Assert.Equal(16u, BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(16)));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(20)));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(22)));
        Assert.Equal(8000u, BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(24)));
        Assert.Equal(16000u, BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(28)));
        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(32)));
        Assert.Equal(16, BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(34)));
        Assert.Equal("data"u8.ToArray(), header[36..40]);
        Assert.Equal(320u, BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(40)));
    }

    [Fact]
    public void WavCaptureSource_LoopsTheRecording()
    {
        string path = WavFiles.TempPath();
        try
        {
            File.WriteAllBytes(path, WavFiles.Pcm(8000, 1, 16, 1, [1, 2, 3]));
            WavCaptureSource source = WavCaptureSource.TryLoad(path, 8000, out _)!;
            var frame = new short[4];

            source.Read(frame);
            Assert.Equal([1, 2, 3, 1], frame);
            source.Read(frame);

            Assert.Equal([2, 3, 1, 2], frame);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WavCaptureSource_WithAMissingFile_ReturnsTheReason()
    {
        Assert.Null(WavCaptureSource.TryLoad("/nonexistent/dir/x.wav", 8000, out string error));
        Assert.Contains("cannot read '/nonexistent/dir/x.wav'", error);
    }
}
