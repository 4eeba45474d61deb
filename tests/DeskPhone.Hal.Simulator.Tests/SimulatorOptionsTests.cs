using DeskPhone.Hal.Simulator;

namespace DeskPhone.Hal.Simulator.Tests;

public sealed class SimulatorOptionsTests
{
    [Fact]
    public void Defaults_AreValid_AndDescribeA20x4PhoneAt8kHz()
    {
        var options = new SimulatorOptions();

        Assert.Empty(options.Validate());
        Assert.Equal((20, 4), (options.Columns, options.Rows));
        Assert.Equal(new AudioFormat(8000, 160), options.AudioFormat);
        Assert.Equal(SimulatorPlaybackSink.None, options.PlaybackSink);
    }

    [Fact]
    public void Validate_WithAMissingCaptureWav_NamesTheKey()
    {
        var options = new SimulatorOptions { CaptureSource = SimulatorCaptureSource.Wav, CaptureWavPath = "/nonexistent/in.wav" };

        Assert.Equal(["Simulator:CaptureWavPath: file not found: '/nonexistent/in.wav'"], options.Validate());
    }

    [Fact]
    public void Validate_WithAStereoCaptureWav_SaysWhyItIsRejected()
    {
        string path = WavFiles.TempPath();
        try
        {
            File.WriteAllBytes(path, WavFiles.Pcm(8000, 2, 16, 1, [0, 0]));
            var options = new SimulatorOptions { CaptureSource = SimulatorCaptureSource.Wav, CaptureWavPath = path };

            string error = Assert.Single(options.Validate());

            Assert.StartsWith("Simulator:CaptureWavPath: ", error);
            Assert.Contains("expected 16-bit PCM mono at 8000 Hz", error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_ReportsEveryBadValueWithItsKey()
    {
        var options = new SimulatorOptions
        {
            Columns = 0,
            SampleRate = 8000,
            FrameMilliseconds = 200,
            CaptureSource = SimulatorCaptureSource.Tone,
            CaptureToneHz = 5000,
            PlaybackSink = SimulatorPlaybackSink.Wav,
            PlaybackWavPath = "/nonexistent/dir/out.wav",
        };

        IReadOnlyList<string> errors = options.Validate();

        Assert.Contains(errors, e => e.StartsWith("Simulator:Columns: ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Simulator:FrameMilliseconds: ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Simulator:CaptureToneHz: ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Simulator:PlaybackWavPath: directory not found", StringComparison.Ordinal));
        Assert.Equal(4, errors.Count);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    public void Validate_AFrameOtherThan20Ms_FailsNamingTheKey(int milliseconds)
    {
        var options = new SimulatorOptions { FrameMilliseconds = milliseconds };

        Assert.Contains($"Simulator:FrameMilliseconds: must be 20 (the media engine's frame), is {milliseconds}", options.Validate());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100)]
    public void Validate_AudioRealtimePriorityOutsideZeroTo99_NamesTheKey(int priority)
    {
        var options = new SimulatorOptions { AudioRealtimePriority = priority };

        Assert.Equal([$"Simulator:AudioRealtimePriority: must be 0 (off) or 1–99, is {priority}"], options.Validate());
    }

    [Fact]
    public void AudioRealtimePriority_DefaultsTo50()
    {
        Assert.Equal(50, new SimulatorOptions().AudioRealtimePriority);
    }
}
