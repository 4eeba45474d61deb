using DeskPhone.Hal.Simulator;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeskPhone.Hal.Simulator.Tests;

public sealed class WavFilePlaybackSinkTests
{
    [Fact]
    public void Close_LeavesAValidWavFileHoldingEveryFrame()
    {
        string path = WavFiles.TempPath();
        try
        {
            var format = new AudioFormat(8000, 160);
            var sink = new WavFilePlaybackSink(path, NullLogger.Instance);
            sink.Open(format);
            var expected = new List<short>();
            var frame = new short[160];
            for (int f = 0; f < 10; f++)
            {
                for (int i = 0; i < frame.Length; i++)
                {
                    frame[i] = (short)((f * 1000) - i);
                }

                sink.Write(frame);
                expected.AddRange(frame);
            }

            sink.Close();

            byte[] file = File.ReadAllBytes(path);
            Assert.Equal(WavFormat.HeaderBytes + (1600 * 2), file.Length);
            short[]? samples = WavFormat.TryReadPcm16Mono(file, 8000, out string error);
            Assert.Equal(string.Empty, error);
            Assert.Equal(expected, samples);
            Assert.Equal((uint)(file.Length - 8), BitConverter.ToUInt32(file, 4));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Open_AgainAfterClose_RewritesTheFile()
    {
        string path = WavFiles.TempPath();
        try
        {
            var sink = new WavFilePlaybackSink(path, NullLogger.Instance);
            sink.Open(new AudioFormat(8000, 2));
            sink.Write([5, 5]);
            sink.Write([5, 5]);
            sink.Close();

            sink.Open(new AudioFormat(8000, 2));
            sink.Write([7, 8]);
            sink.Close();

            Assert.Equal([7, 8], WavFormat.TryReadPcm16Mono(File.ReadAllBytes(path), 8000, out _));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Open_WhenTheFileCannotBeCreated_RunsWithoutRecording()
    {
        var sink = new WavFilePlaybackSink("/nonexistent/dir/out.wav", NullLogger.Instance);

        sink.Open(new AudioFormat(8000, 160));
        sink.Write(new short[160]);
        sink.Close();

        Assert.Equal("none (cannot write /nonexistent/dir/out.wav)", sink.Description);
    }
}
