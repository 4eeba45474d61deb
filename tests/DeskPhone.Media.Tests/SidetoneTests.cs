namespace DeskPhone.Media.Tests;

/// <summary>
/// The microphone mixed into the earpiece during a call, measured on a 1 kHz microphone tone: the
/// far end sends nothing, so what the earpiece plays at 1 kHz is the sidetone alone.
/// </summary>
public sealed class SidetoneTests
{
    private const double MicrophoneAmplitude = 8000;

    /// <summary>Runs the device loop's order for <paramref name="frames"/> periods: capture, then render.</summary>
    private static short[] Talk(AudioEngine engine, int frames)
    {
        var earpiece = new short[frames * Signal.FrameSamples];
        for (int i = 0; i < frames; i++)
        {
            engine.ProcessCapture(Signal.SineFrame(1000, MicrophoneAmplitude, i * Signal.FrameSamples));
            engine.RenderPlayback(earpiece.AsSpan(i * Signal.FrameSamples, Signal.FrameSamples));
        }

        return earpiece;
    }

    private static double LevelDb(short[] earpiece) => 20 * Math.Log10(Signal.Amplitude(earpiece, 1000) / MicrophoneAmplitude);

    [Theory]
    [InlineData(-18)]
    [InlineData(-6)]
    [InlineData(-40)]
    public void InACall_TheEarpiecePlaysTheMicrophoneAtTheSetLevel(double decibels)
    {
        using StreamPair pair = StreamPair.Open();
        var engine = new AudioEngine(StreamPair.Format);
        engine.Attach(pair.A);

        engine.SetSidetone(decibels);

        Assert.InRange(LevelDb(Talk(engine, 10)), decibels - 0.2, decibels + 0.2);
    }

    [Fact]
    public void TheLevel_DoesNotFollowTheEarpieceVolume()
    {
        using StreamPair pair = StreamPair.Open();
        var engine = new AudioEngine(StreamPair.Format);
        engine.Attach(pair.A);
        engine.SetSidetone(-18);

        engine.SetEarpieceVolume(AudioEngine.VolumeSteps);

        Assert.InRange(LevelDb(Talk(engine, 10)), -18.2, -17.8);
    }

    [Fact]
    public void WhileMuted_NothingOfTheMicrophoneIsHeard_AndUnmutingBringsItBack()
    {
        using StreamPair pair = StreamPair.Open();
        var engine = new AudioEngine(StreamPair.Format);
        engine.Attach(pair.A);
        engine.SetSidetone(-18);

        engine.SetMuted(true);
        short[] muted = Talk(engine, 5);
        engine.SetMuted(false);
        short[] unmuted = Talk(engine, 5);

        Assert.All(muted, sample => Assert.Equal(0, sample));
        Assert.InRange(LevelDb(unmuted), -18.2, -17.8);
    }

    [Fact]
    public void OutsideACall_OrSwitchedOff_NothingOfTheMicrophoneIsHeard()
    {
        using StreamPair pair = StreamPair.Open();
        var idle = new AudioEngine(StreamPair.Format);
        idle.SetSidetone(-18);
        var off = new AudioEngine(StreamPair.Format);
        off.Attach(pair.A);
        off.SetSidetone(-18);

        off.SetSidetone(0);

        Assert.All(Talk(idle, 5), sample => Assert.Equal(0, sample));
        Assert.All(Talk(off, 5), sample => Assert.Equal(0, sample));
    }

    [Fact]
    public void ACapturedFrame_IsHeardOnce_EvenWhenNoCaptureComesBeforeTheNextRender()
    {
        using StreamPair pair = StreamPair.Open();
        var engine = new AudioEngine(StreamPair.Format);
        engine.Attach(pair.A);
        engine.SetSidetone(-6);
        var first = new short[Signal.FrameSamples];
        var second = new short[Signal.FrameSamples];

        engine.ProcessCapture(Signal.SineFrame(1000, MicrophoneAmplitude, 0));
        engine.RenderPlayback(first);
        engine.RenderPlayback(second);

        Assert.InRange(Signal.Amplitude(first, 1000), 3900, 4100);
        Assert.All(second, sample => Assert.Equal(0, sample));
    }

    [Fact]
    public void LoudMicrophoneOverLoudTone_IsClippedNotWrapped()
    {
        using StreamPair pair = StreamPair.Open();
        AudioEngine Loud()
        {
            var engine = new AudioEngine(StreamPair.Format);
            engine.Attach(pair.A);
            engine.SetTone(CallProgressTone.Busy);
            engine.SetEarpieceVolume(AudioEngine.VolumeSteps);
            return engine;
        }

        AudioEngine toneOnly = Loud();
        AudioEngine withSidetone = Loud();
        withSidetone.SetSidetone(AudioEngine.MaxSidetoneDb);
        var reference = new short[Signal.FrameSamples];
        var earpiece = new short[Signal.FrameSamples];
        short[] fullScale = Enumerable.Repeat(short.MaxValue, Signal.FrameSamples).ToArray();

        toneOnly.ProcessCapture(fullScale);
        toneOnly.RenderPlayback(reference);
        withSidetone.ProcessCapture(fullScale);
        withSidetone.RenderPlayback(earpiece);

        // Half of full scale added to the tone: where the sum overflows it must stick at the top,
        // never wrap round to a negative sample below the tone's own.
        Assert.Contains(short.MaxValue, earpiece);
        Assert.All(Enumerable.Range(0, earpiece.Length), i => Assert.True(earpiece[i] >= reference[i], $"sample {i}: {earpiece[i]} < {reference[i]}"));
    }

    [Fact]
    public void Mixing_AllocatesNothing()
    {
        using StreamPair pair = StreamPair.Open();
        var engine = new AudioEngine(StreamPair.Format);
        engine.Attach(pair.A);
        engine.SetSidetone(-18);
        short[] microphone = Signal.SineFrame(1000, MicrophoneAmplitude, 0);
        var earpiece = new short[Signal.FrameSamples];
        for (int i = 0; i < 50; i++)
        {
            engine.ProcessCapture(microphone);
            engine.RenderPlayback(earpiece);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            engine.ProcessCapture(microphone);
            engine.RenderPlayback(earpiece);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.InRange(Signal.Amplitude(earpiece, 1000), 950, 1060);
    }

    [Theory]
    [InlineData(-3)]
    [InlineData(6)]
    [InlineData(-70)]
    [InlineData(double.NaN)]
    public void SetSidetone_OutsideTheRange_Throws(double decibels) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AudioEngine(StreamPair.Format).SetSidetone(decibels));
}
