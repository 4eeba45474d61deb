using DeskPhone.Hal;

namespace DeskPhone.Media.Tests;

public sealed class AudioEngineTests
{
    private static short[] Render(AudioEngine engine, int frames)
    {
        var signal = new short[frames * Signal.FrameSamples];
        for (int i = 0; i < frames; i++)
        {
            engine.RenderPlayback(signal.AsSpan(i * Signal.FrameSamples, Signal.FrameSamples));
        }

        return signal;
    }

    /// <summary>Sends tone frames through <paramref name="engine"/> and returns what the peer stream plays.</summary>
    private static short[] CaptureThrough(AudioEngine engine, RtpStream peer, int frames)
    {
        long received = peer.PacketsReceived;
        for (int i = 0; i < frames; i++)
        {
            engine.ProcessCapture(Signal.SineFrame(1000, 8000, i * Signal.FrameSamples));
        }

        StreamPair.WaitForReceived(peer, received + frames);
        var played = new short[frames * Signal.FrameSamples];
        for (int i = 0; i < frames; i++)
        {
            peer.ReadPlayoutFrame(played.AsSpan(i * Signal.FrameSamples, Signal.FrameSamples));
        }

        return played;
    }

    [Fact]
    public void Constructor_WithWrongFormat_Throws()
    {
        Assert.Throws<ArgumentException>(() => new AudioEngine(new AudioFormat(44100, 882)));
        Assert.Throws<ArgumentException>(() => new AudioEngine(new AudioFormat(8000, 80)));
        Assert.Throws<ArgumentException>(() => new AudioEngine(new AudioFormat(16000, 160)));
    }

    [Fact]
    public void RenderPlayback_WithNothingAttached_IsSilenceAndCountsFrames()
    {
        var engine = new AudioEngine(StreamPair.Format);
        short[] frame = Enumerable.Repeat((short)7, Signal.FrameSamples).ToArray();

        engine.RenderPlayback(frame);
        engine.RenderPlayback(frame);

        Assert.All(frame, sample => Assert.Equal(0, sample));
        Assert.Equal(2, engine.FramesRendered);
    }

    [Fact]
    public void RenderPlayback_WithTone_PlaysIt()
    {
        var engine = new AudioEngine(StreamPair.Format);
        engine.SetTone(CallProgressTone.Dial);

        short[] signal = Render(engine, 10);

        Assert.True(Signal.Amplitude(signal, 425) > 7000);
    }

    [Fact]
    public void RenderPlayback_WhenToneIsCleared_StopsIt()
    {
        var engine = new AudioEngine(StreamPair.Format);
        engine.SetTone(CallProgressTone.Dial);
        Render(engine, 3);

        engine.SetTone(CallProgressTone.None);

        Assert.All(Render(engine, 3), sample => Assert.Equal(0, sample));
    }

    [Fact]
    public void RenderPlayback_WithToneAndStream_ToneReplacesCallAudio()
    {
        using StreamPair pair = StreamPair.Open();
        var engine = new AudioEngine(StreamPair.Format);
        engine.Attach(pair.B);
        engine.SetTone(CallProgressTone.Dial);
        for (int i = 0; i < 4; i++)
        {
            pair.A.SendCaptureFrame(Signal.SineFrame(1000, 8000, i * Signal.FrameSamples));
        }

        StreamPair.WaitForReceived(pair.B, 4);
        short[] signal = Render(engine, 4);

        Assert.True(Signal.Amplitude(signal, 425) > 7000);
        Assert.True(Signal.Amplitude(signal, 1000) < 100);
    }

    [Fact]
    public void RenderPlayback_WithStream_PlaysCallAudio()
    {
        using StreamPair pair = StreamPair.Open();
        var engine = new AudioEngine(StreamPair.Format);
        engine.Attach(pair.B);
        for (int i = 0; i < 4; i++)
        {
            pair.A.SendCaptureFrame(Signal.SineFrame(1000, 8000, i * Signal.FrameSamples));
        }

        StreamPair.WaitForReceived(pair.B, 4);

        Assert.InRange(Signal.Amplitude(Render(engine, 4), 1000), 7600, 8400);
    }

    [Fact]
    public void ProcessCapture_WhenMuted_SendsSilenceAndWhenUnmutedSendsTheMicrophone()
    {
        using StreamPair pair = StreamPair.Open();
        var engine = new AudioEngine(StreamPair.Format);
        engine.Attach(pair.A);

        engine.SetMuted(true);
        short[] muted = CaptureThrough(engine, pair.B, 4);
        engine.SetMuted(false);
        short[] unmuted = CaptureThrough(engine, pair.B, 4);

        Assert.Equal(8, pair.A.PacketsSent);
        Assert.All(muted, sample => Assert.Equal(0, sample));
        Assert.InRange(Signal.Amplitude(unmuted, 1000), 7600, 8400);
    }

    [Fact]
    public void Attach_Null_DetachesTheStream()
    {
        using StreamPair pair = StreamPair.Open();
        var engine = new AudioEngine(StreamPair.Format);
        engine.Attach(pair.A);
        engine.ProcessCapture(new short[Signal.FrameSamples]);

        engine.Attach(null);
        engine.ProcessCapture(new short[Signal.FrameSamples]);

        Assert.Equal(1, pair.A.PacketsSent);
    }

    [Fact]
    public void RenderPlayback_WithCallWaiting_MixesTheToneOverCallAudio()
    {
        using StreamPair pair = StreamPair.Open();
        var engine = new AudioEngine(StreamPair.Format);
        engine.Attach(pair.B);
        engine.SetTone(CallProgressTone.CallWaiting);
        for (int i = 0; i < 4; i++)
        {
            pair.A.SendCaptureFrame(Signal.SineFrame(1000, 8000, i * Signal.FrameSamples));
        }

        StreamPair.WaitForReceived(pair.B, 4);
        short[] signal = Render(engine, 4);

        Assert.True(Signal.Amplitude(signal, 425) > 6500);
        Assert.InRange(Signal.Amplitude(signal, 1000), 7600, 8400);
    }

    [Fact]
    public void PlayKeyTone_ForADigit_MixesItsDtmfPairBriefly()
    {
        var engine = new AudioEngine(StreamPair.Format);

        engine.PlayKeyTone(PhoneKey.Digit5);
        short[] signal = Render(engine, 5);

        // Digit 5 is 770 + 1336 Hz (ITU-T Q.23), quiet, for 60 ms: three frames, then silence.
        short[] burst = signal[..480];
        Assert.True(Signal.Amplitude(burst, 770) > 500);
        Assert.True(Signal.Amplitude(burst, 1336) > 500);
        Assert.True(Signal.Amplitude(burst, 697) < 100);
        Assert.True(burst.Max() < 4000);
        Assert.All(signal[480..], sample => Assert.Equal(0, sample));
    }

    [Fact]
    public void PlayKeyTone_PressedAgain_RestartsAndOtherKeysClick()
    {
        var engine = new AudioEngine(StreamPair.Format);
        engine.PlayKeyTone(PhoneKey.Star);
        Render(engine, 5);

        engine.PlayKeyTone(PhoneKey.Star);
        Assert.True(Signal.Amplitude(Render(engine, 1), 941) > 500);

        engine.PlayKeyTone(PhoneKey.Ok);
        Assert.True(Signal.Amplitude(Render(engine, 1), 1400) > 500);
    }

    [Fact]
    public void PlayRemoteDigit_MixesTheKeysDtmfPairOverTheCall_LouderThanFeedback_For100Ms()
    {
        var feedback = new AudioEngine(StreamPair.Format);
        feedback.PlayKeyTone(PhoneKey.Digit9);
        var remote = new AudioEngine(StreamPair.Format);

        remote.PlayRemoteDigit('9');
        short[] signal = Render(remote, 8);

        // 9 is 852 + 1477 Hz (ITU-T Q.23); -18/-16 dBm0 against the feedback's -22 dBm0.
        short[] burst = signal[..800];
        double low = Signal.Amplitude(burst, 852);
        Assert.InRange(20 * Math.Log10(low / Signal.Amplitude(Render(feedback, 1), 852)), 3, 5);
        Assert.InRange(20 * Math.Log10(Signal.Amplitude(burst, 1477) / low), 1.5, 2.5);
        Assert.True(Signal.Amplitude(burst, 697) < low / 20);
        Assert.All(signal[800..], sample => Assert.Equal(0, sample));
    }

    [Theory]
    [InlineData('x')]
    [InlineData('E')]
    public void PlayRemoteDigit_NotADtmfKey_Throws(char digit) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AudioEngine(StreamPair.Format).PlayRemoteDigit(digit));

    [Theory]
    [InlineData(1, -12)]
    [InlineData(4, -3)]
    [InlineData(6, 3)]
    [InlineData(8, 9)]
    public void SetEarpieceVolume_ScalesWhatTheEarpiecePlays_In3DbSteps(int step, double expectedDb)
    {
        var unity = new AudioEngine(StreamPair.Format);
        unity.SetTone(CallProgressTone.Ringback);
        var scaled = new AudioEngine(StreamPair.Format);
        scaled.SetTone(CallProgressTone.Ringback);

        scaled.SetEarpieceVolume(step);

        double reference = Signal.Amplitude(Render(unity, 10), 425);
        double measured = Signal.Amplitude(Render(scaled, 10), 425);
        Assert.InRange(20 * Math.Log10(measured / reference), expectedDb - 0.2, expectedDb + 0.2);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(AudioEngine.VolumeSteps + 1)]
    public void SetEarpieceVolume_OutOfRange_Throws(int step) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AudioEngine(StreamPair.Format).SetEarpieceVolume(step));
}
