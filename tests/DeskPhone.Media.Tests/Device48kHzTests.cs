using DeskPhone.Hal;
using Xunit.Abstractions;

namespace DeskPhone.Media.Tests;

/// <summary>
/// An <see cref="AudioEngine"/> on a 48 kHz device (a USB handset, an I2S codec): its streams run
/// at 16 kHz and it converts at its edges. Measured end to end with a stream pair on loopback:
/// what the 48 kHz microphone says reaches the far end, and what the far end says comes out of
/// the 48 kHz earpiece, at the right frequency and level.
/// </summary>
public sealed class Device48kHzTests(ITestOutputHelper output)
{
    private static readonly AudioFormat Device = new(48000, 960);

    /// <summary>As many frames as the jitter buffer holds without trimming its backlog.</summary>
    private const int Frames = 8;

    private const double ToneAmplitude = 8000;

    /// <summary>Frames skipped before measuring: the filters, the codec's adaptation and the jitter buffer's start.</summary>
    private const int Settling = 3;

    [Fact]
    public void Engine_On48kHz_RunsItsStreamsAt16kHz()
    {
        var engine = new AudioEngine(Device);

        Assert.Equal(Device, engine.Format);
        Assert.Equal(new AudioFormat(16000, 320), engine.StreamFormat);
        Assert.Equal(StreamPair.Wideband, new AudioEngine(StreamPair.Wideband).StreamFormat);
        Assert.Equal(StreamPair.Format, new AudioEngine(StreamPair.Format).StreamFormat);
    }

    [Theory]
    [InlineData(44100, 882)]
    [InlineData(32000, 640)]
    [InlineData(48000, 480)]
    public void Engine_OnAnotherDevice_IsRefusedSayingWhichRatesWork(int rate, int frameSamples)
    {
        var error = Assert.Throws<ArgumentException>(() => new AudioEngine(new AudioFormat(rate, frameSamples)));

        Assert.Equal("format", error.ParamName);
        Assert.StartsWith($"The audio device must run at 8000, 16000 or 48000 Hz in 20 ms frames, got {rate} Hz in {frameSamples}-sample frames", error.Message);
    }

    [Fact]
    public void Stream_At48kHz_IsStillRefused_TheEngineConverts()
    {
        Assert.Throws<ArgumentException>(() => StreamPair.OpenStream(TimeProvider.System, format: Device));
    }

    [Fact]
    public void Attach_AStreamNotAt16kHz_IsRefused()
    {
        var engine = new AudioEngine(Device);
        using RtpStream narrow = StreamPair.OpenStream(TimeProvider.System, format: StreamPair.Format);

        Assert.Throws<ArgumentException>(() => engine.Attach(narrow));
    }

    [Theory]
    [InlineData(AudioCodec.G722, 1000)]
    [InlineData(AudioCodec.G722, 6000)]
    [InlineData(AudioCodec.Pcmu, 1000)]
    public void MicrophoneTone_At48kHz_ArrivesAtTheFarEndAtItsFrequencyAndLevel(AudioCodec codec, int frequency)
    {
        var engine = new AudioEngine(Device);
        using StreamPair pair = StreamPair.Open(codec, engine.StreamFormat);
        engine.Attach(pair.A);

        for (int i = 0; i < Frames; i++)
        {
            engine.ProcessCapture(Signal.SineFrame(frequency, ToneAmplitude, i * Device.FrameSamples, Device.SampleRate));
        }

        StreamPair.WaitForReceived(pair.B, Frames);
        var atFarEnd = new short[Frames * 320];
        for (int i = 0; i < Frames; i++)
        {
            pair.B.ReadPlayoutFrame(atFarEnd.AsSpan(i * 320, 320));
        }

        ReadOnlySpan<short> settled = atFarEnd.AsSpan(Settling * 320);
        double level = Signal.Amplitude(settled, frequency, 16000);
        var (first, _) = ToneAnalysis.TwoPeaks(settled, 16000, frequency - 200, frequency + 200);
        output.WriteLine($"{codec}, {frequency} Hz from a 48 kHz microphone: {first.Hz} Hz at the far end, amplitude {level:F0} of {ToneAmplitude}");
        Assert.Equal(frequency, first.Hz);
        Assert.InRange(level, 7500, 8500);
    }

    [Theory]
    [InlineData(AudioCodec.G722, 1500)]
    [InlineData(AudioCodec.G722, 6000)]
    [InlineData(AudioCodec.Pcmu, 1500)]
    public void FarEndTone_PlaysOutOfThe48kHzEarpieceAtItsFrequencyAndLevel(AudioCodec codec, int frequency)
    {
        var engine = new AudioEngine(Device);
        using StreamPair pair = StreamPair.Open(codec, engine.StreamFormat);
        engine.Attach(pair.A);

        for (int i = 0; i < Frames; i++)
        {
            pair.B.SendCaptureFrame(Signal.SineFrame(frequency, ToneAmplitude, i * 320, 16000));
        }

        StreamPair.WaitForReceived(pair.A, Frames);
        var earpiece = new short[Frames * Device.FrameSamples];
        for (int i = 0; i < Frames; i++)
        {
            engine.RenderPlayback(earpiece.AsSpan(i * Device.FrameSamples, Device.FrameSamples));
        }

        ReadOnlySpan<short> settled = earpiece.AsSpan(Settling * Device.FrameSamples);
        double level = Signal.Amplitude(settled, frequency, 48000);
        var (first, _) = ToneAnalysis.TwoPeaks(settled, 48000, frequency - 200, frequency + 200);

        // What the 16 kHz stream cannot hold: its images, the first place a bad interpolator shows.
        double image = Math.Max(Signal.Amplitude(settled, 16000 - frequency, 48000), Signal.Amplitude(settled, 16000 + frequency, 48000));
        output.WriteLine($"{codec}, far end's {frequency} Hz in the 48 kHz earpiece: {first.Hz} Hz, amplitude {level:F0} of {ToneAmplitude}, largest image {image:F1}");
        Assert.Equal(frequency, first.Hz);
        Assert.InRange(level, 7500, 8500);
        Assert.True(image < 10, $"image {image:F1}");
    }

    [Fact]
    public void DialTone_At48kHz_Is425HzAtItsLevel()
    {
        var engine = new AudioEngine(Device);
        engine.SetTone(CallProgressTone.Dial);

        short[] earpiece = Render(engine, 50);

        // -10 dBm0: 32767 · 10^((-10 - 3.17) / 20) ≈ 7185.
        double level = Signal.Amplitude(earpiece.AsSpan(Device.FrameSamples), 425, 48000);
        var (first, _) = ToneAnalysis.TwoPeaks(earpiece.AsSpan(Device.FrameSamples), 48000, 300, 600);
        Assert.Equal(425, first.Hz);
        Assert.InRange(level, 7100, 7270);
    }

    [Theory]
    [InlineData('1', 697, 1209)]
    [InlineData('5', 770, 1336)]
    [InlineData('9', 852, 1477)]
    [InlineData('#', 941, 1477)]
    [InlineData('D', 941, 1633)]
    public void FarEndDigit_At48kHz_IsItsQ23Pair(char digit, int low, int high)
    {
        var engine = new AudioEngine(Device);
        engine.PlayRemoteDigit(digit);

        // The 100 ms burst: five frames.
        short[] earpiece = Render(engine, 5);

        var (first, second) = ToneAnalysis.TwoPeaks(earpiece, 48000, 600, 1700);
        Assert.Equal([low, high], new[] { first.Hz, second.Hz }.Order());

        // -18 and -16 dBm0 (2862 and 3603 at their peak), less the 4 ms fades at either end.
        Assert.InRange(Signal.Amplitude(earpiece, low, 48000), 2862 * 0.94, 2862 * 1.01);
        Assert.InRange(Signal.Amplitude(earpiece, high, 48000), 3603 * 0.94, 3603 * 1.01);
    }

    [Fact]
    public void Sidetone_At48kHz_IsTheMicrophoneAtTheSetLevel()
    {
        var engine = new AudioEngine(Device);
        using StreamPair pair = StreamPair.Open(AudioCodec.G722, engine.StreamFormat);
        engine.Attach(pair.A);
        engine.SetSidetone(-18);

        var earpiece = new short[10 * Device.FrameSamples];
        for (int i = 0; i < 10; i++)
        {
            engine.ProcessCapture(Signal.SineFrame(1000, ToneAmplitude, i * Device.FrameSamples, Device.SampleRate));
            engine.RenderPlayback(earpiece.AsSpan(i * Device.FrameSamples, Device.FrameSamples));
        }

        double levelDb = 20 * Math.Log10(Signal.Amplitude(earpiece, 1000, 48000) / ToneAmplitude);
        Assert.InRange(levelDb, -18.2, -17.8);
    }

    private static short[] Render(AudioEngine engine, int frames)
    {
        var signal = new short[frames * Device.FrameSamples];
        for (int i = 0; i < frames; i++)
        {
            engine.RenderPlayback(signal.AsSpan(i * Device.FrameSamples, Device.FrameSamples));
        }

        return signal;
    }
}
