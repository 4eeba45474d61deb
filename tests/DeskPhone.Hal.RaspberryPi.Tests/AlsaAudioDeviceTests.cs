using Microsoft.Extensions.Logging.Abstractions;

namespace DeskPhone.Hal.RaspberryPi.Tests;

/// <summary>Our ALSA layer against the real libasound.so.2, with ALSA's null and file plugins (alsa/test-alsa.conf).</summary>
[Collection(AlsaCollection.Name)]
public sealed class AlsaAudioDeviceTests : IDisposable
{
    private const int Rate = 8000;
    private const int Period = 80;
    private const int Buffer = 320;
    private static readonly AudioFormat Format = new(Rate, 160);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly string _folder = Directory.CreateTempSubdirectory("deskphone-alsa-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Playback_OneKilohertzTone_IsFoundInTheFilePluginsFileAtOneKilohertz()
    {
        string file = Path.Combine(_folder, "earpiece.raw");
        var handler = new RecordingFrameHandler(Format, framesToKeep: 100);
        using (var device = OpenDevice("sink", Record(file)))
        {
            device.Start(handler);
            Assert.True(handler.Kept.Wait(Patience), "the audio thread did not run 100 frames");
        }

        short[] played = Tone.ReadRaw(file);
        int prefill = AlsaAudioDevice.PrefillFrames(Format, Period);
        Assert.True(played.Length >= prefill + (100 * Format.FrameSamples), $"only {played.Length} samples were written");
        Assert.All(played[..prefill], sample => Assert.Equal(0, sample));
        Assert.Equal(1000, Tone.DominantFrequency(played.AsSpan(prefill, Rate), Rate));
        Assert.InRange(played.AsSpan(prefill, Rate).ToArray().Max(s => (int)s), 7900, 8000);
    }

    [Fact]
    public void Capture_FromTheFilePluginsInputFile_HandsTheFilesSamplesToTheHandler()
    {
        string file = Path.Combine(_folder, "microphone.raw");
        short[] tone = Tone.Sine(1000, Rate, 2 * Rate);
        Tone.WriteRaw(file, tone);
        var handler = new RecordingFrameHandler(Format, framesToKeep: 50);
        using (var device = OpenDevice($"recorded:INFILE=\"{file}\"", "sink"))
        {
            device.Start(handler);
            Assert.True(handler.Kept.Wait(Patience), "the audio thread did not run 50 frames");
        }

        Assert.Equal(tone[..handler.Captured.Length], handler.Captured);
        Assert.Equal(1000, Tone.DominantFrequency(handler.Captured, Rate));
    }

    [Fact]
    public void PlaybackXrun_Induced_IsRecoveredAndThePlaybackGoesOn()
    {
        string file = Path.Combine(_folder, "earpiece.raw");
        XrunInjector? injector = null;
        var handler = new RecordingFrameHandler(Format, framesToKeep: 100);
        using (var device = OpenDevice("sink", Record(file), wrapPlayback: pcm => injector = new XrunInjector(pcm, failWriteNumber: 20)))
        {
            device.Start(handler);
            Assert.True(handler.Kept.Wait(Patience), "the audio thread did not go on after the xrun");
            device.Stop();
            Assert.Equal(1, device.PlaybackXruns);
            Assert.Equal(0, device.CaptureXruns);
        }

        Assert.Equal([-AlsaNative.EPIPE], injector!.Recoveries);
        short[] played = Tone.ReadRaw(file);
        int prefill = AlsaAudioDevice.PrefillFrames(Format, Period);

        // After recovering, the device queues its cushion of silence again, then the tone resumes.
        var (gap, length) = Tone.LongestSilence(played, prefill);
        Assert.True(length >= prefill, $"no cushion of silence after the xrun (longest run {length})");
        Assert.Equal(1000, Tone.DominantFrequency(played.AsSpan(gap + length, 40 * Format.FrameSamples), Rate));
    }

    [Fact]
    public void CaptureXrun_Induced_IsRecoveredAndTheCaptureGoesOn()
    {
        XrunInjector? injector = null;
        var handler = new RecordingFrameHandler(Format, framesToKeep: 100);
        using var device = OpenDevice("sink", "sink", wrapCapture: pcm => injector = new XrunInjector(pcm, failReadNumber: 10));

        device.Start(handler);
        Assert.True(handler.Kept.Wait(Patience), "the audio thread did not go on after the xrun");
        device.Stop();

        Assert.Equal(1, device.CaptureXruns);
        Assert.Equal([-AlsaNative.EPIPE], injector!.Recoveries);
    }

    [Fact]
    public void AudioThread_AfterWarmUp_AllocatesNothingPerFrame()
    {
        var handler = new RecordingFrameHandler(Format, framesToKeep: 300);
        using var device = OpenDevice("sink", "sink");

        device.Start(handler);
        Assert.True(handler.Kept.Wait(Patience), "the audio thread did not run 300 frames");
        device.Stop();

        // The first frames may allocate once (lazy initialisation in the runtime); from then on every
        // loop — read, handler, write, latency — must allocate nothing.
        long settled = handler.AllocatedBytes[20];
        Assert.All(handler.AllocatedBytes[20..], bytes => Assert.Equal(settled, bytes));
        Assert.NotEqual(Environment.CurrentManagedThreadId, handler.AudioThreadId);
    }

    [Fact]
    public void Latency_AfterFrames_ReportsAlsasAvailAndDelay()
    {
        var handler = new RecordingFrameHandler(Format, framesToKeep: 10);
        using var device = OpenDevice("sink", "sink");

        device.Start(handler);
        Assert.True(handler.Kept.Wait(Patience));
        device.Stop();

        // The null plugin consumes at once: everything is free for playback, nothing is queued.
        Assert.Equal((Period, Buffer), device.PlaybackBuffering);
        Assert.Equal(new AudioLatency(0, Buffer, 0, Buffer), device.Latency);
        Assert.True(device.FramesProcessed >= 10);
    }

    [Fact]
    public void StopThenStart_RunsAgain()
    {
        using var device = OpenDevice("sink", "sink");
        var first = new RecordingFrameHandler(Format, framesToKeep: 5);
        device.Start(first);
        Assert.True(first.Kept.Wait(Patience));
        device.Stop();

        var second = new RecordingFrameHandler(Format, framesToKeep: 5);
        device.Start(second);

        Assert.True(second.Kept.Wait(Patience), "the device did not run again after Stop");
    }

    [Fact]
    public void Open_UnknownDevice_FailsNamingIt()
    {
        var (pcm, error) = AlsaPcm.Open("no-such-pcm", capture: false, Rate, Period, Buffer, 1);

        Assert.Null(pcm);
        Assert.StartsWith("cannot open ALSA playback device 'no-such-pcm': ", error);
    }

    [Fact]
    public void Open_GivesThePeriodAndBufferAskedFor()
    {
        var (pcm, error) = AlsaPcm.Open("sink", capture: true, Rate, Period, Buffer, 1);
        using var opened = pcm;

        Assert.Null(error);
        Assert.Equal(Period, pcm!.PeriodFrames);
        Assert.Equal(Buffer, pcm.BufferFrames);
    }

    private static string Record(string file) => $"record:FILE=\"{file}\"";

    private static AlsaAudioDevice OpenDevice(string capture, string playback, Func<IPcmStream, IPcmStream>? wrapCapture = null, Func<IPcmStream, IPcmStream>? wrapPlayback = null)
    {
        var (capturePcm, captureError) = AlsaPcm.Open(capture, capture: true, Rate, Period, Buffer, 1);
        Assert.True(capturePcm is not null, captureError);
        var (playbackPcm, playbackError) = AlsaPcm.Open(playback, capture: false, Rate, Period, Buffer, AlsaAudioDevice.PrefillFrames(Format, Period));
        Assert.True(playbackPcm is not null, playbackError);
        return new AlsaAudioDevice(
            Format,
            wrapCapture?.Invoke(capturePcm) ?? capturePcm,
            wrapPlayback?.Invoke(playbackPcm) ?? playbackPcm,
            realtimePriority: 0,
            NullLogger.Instance);
    }
}
