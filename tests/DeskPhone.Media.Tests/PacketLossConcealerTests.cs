using DeskPhone.Media.Codecs;

namespace DeskPhone.Media.Tests;

/// <summary>G.711 Appendix I style concealment, measured on periodic, voiced-like signals.</summary>
public sealed class PacketLossConcealerTests
{
    /// <summary>A voiced-like periodic signal: a fundamental and three harmonics of falling level.</summary>
    private static short[] Voiced(int sampleRate, double fundamental, int samples, double phaseTurns = 0)
    {
        var signal = new short[samples];
        for (int i = 0; i < samples; i++)
        {
            double t = ((double)i / sampleRate) + (phaseTurns / fundamental);
            double value = 0;
            for (int harmonic = 1; harmonic <= 4; harmonic++)
            {
                value += Math.Sin(2 * Math.PI * fundamental * harmonic * t) / harmonic;
            }

            signal[i] = (short)Math.Round(6000 * value);
        }

        return signal;
    }

    private static double Rms(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (short sample in samples)
        {
            sum += (double)sample * sample;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    private static double SnrDecibels(ReadOnlySpan<short> reference, ReadOnlySpan<short> actual)
    {
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            signal += (double)reference[i] * reference[i];
            double error = reference[i] - actual[i];
            noise += error * error;
        }

        return 10 * Math.Log10(signal / Math.Max(noise, 1));
    }

    private static double LargestStep(ReadOnlySpan<short> samples)
    {
        int largest = 0;
        for (int i = 1; i < samples.Length; i++)
        {
            largest = Math.Max(largest, Math.Abs(samples[i] - samples[i - 1]));
        }

        return largest;
    }

    /// <summary>Plays the first <paramref name="frames"/> frames of <paramref name="signal"/> into a new concealer.</summary>
    private static PacketLossConcealer Primed(short[] signal, int frameSamples, int sampleRate, int frames)
    {
        var concealer = new PacketLossConcealer(sampleRate, frameSamples);
        for (int i = 0; i < frames; i++)
        {
            concealer.Played(signal.AsSpan(i * frameSamples, frameSamples).ToArray());
        }

        return concealer;
    }

    [Theory]
    [InlineData(8000, 125.0)]
    [InlineData(8000, 90.0)]
    [InlineData(16000, 180.0)]
    public void Conceal_OnAVoicedSignal_ContinuesItsWaveformFor10ms(int sampleRate, double fundamental)
    {
        int frameSamples = sampleRate / 50;
        short[] signal = Voiced(sampleRate, fundamental, 5 * frameSamples);
        PacketLossConcealer concealer = Primed(signal, frameSamples, sampleRate, 3);

        var concealed = new short[frameSamples];
        Assert.True(concealer.Conceal(concealed));

        int tenMilliseconds = sampleRate / 100;
        double snr = SnrDecibels(signal.AsSpan(3 * frameSamples, tenMilliseconds), concealed.AsSpan(0, tenMilliseconds));
        Assert.True(snr > 20, $"{snr:F1} dB against the lost audio");
    }

    [Theory]
    [InlineData(8000, 440.0)]
    [InlineData(16000, 440.0)]
    [InlineData(8000, 620.0)]
    public void Conceal_ToneWhosePeriodIsNoWholeNumberOfSamples_StaysInPhaseForAFrame(int sampleRate, double frequency)
    {
        // 440 Hz at 8 kHz repeats every 18.18 samples: of the lags in range, 91 (five periods) is
        // within 0.1 sample; a search of every second lag found 55, which drifts half a sample
        // per repetition and left the frame at about 7 dB.
        int frameSamples = sampleRate / 50;
        short[] tone = Signal.SineFrame(frequency, 8000, 0, sampleRate)
            .Concat(Enumerable.Range(1, 4).SelectMany(i => Signal.SineFrame(frequency, 8000, i * frameSamples, sampleRate))).ToArray();
        PacketLossConcealer concealer = Primed(tone, frameSamples, sampleRate, 4);

        var concealed = new short[frameSamples];
        var extrapolation = new short[frameSamples];
        concealer.Conceal(concealed, extrapolation);

        double snr = SnrDecibels(tone.AsSpan(4 * frameSamples, frameSamples), extrapolation);
        Assert.True(snr > 20, $"{snr:F1} dB against the lost tone");
    }

    [Fact]
    public void Conceal_WithExtrapolation_GivesItUnfadedAndContinueGivesWhatFollowsWithoutPlayingIt()
    {
        short[] signal = Voiced(8000, 125, 5 * 160);
        PacketLossConcealer concealer = Primed(signal, 160, 8000, 3);
        var first = new short[160];
        var firstExtrapolation = new short[160];
        Assert.True(concealer.Conceal(first, firstExtrapolation));

        var ahead = new short[40];
        concealer.Continue(ahead);
        var second = new short[160];
        var secondExtrapolation = new short[160];
        concealer.Conceal(second, secondExtrapolation);

        // Full level for the first 10 ms, then the played frame fades and the extrapolation does not.
        Assert.Equal(firstExtrapolation[..80], first[..80]);
        Assert.True(Rms(secondExtrapolation) > 0.9 * Rms(signal.AsSpan(320, 160)));
        Assert.True(Rms(second) < 0.75 * Rms(secondExtrapolation));

        // Continue showed the next 40 samples and left them to be played.
        Assert.Equal(ahead, secondExtrapolation[..40]);
    }

    [Fact]
    public void Conceal_WithExtrapolation_KeepsExtrapolatingAfterTheOutputFellSilent()
    {
        short[] signal = Voiced(8000, 125, 3 * 160);
        PacketLossConcealer concealer = Primed(signal, 160, 8000, 3);
        var frame = new short[160];
        var extrapolation = new short[160];
        for (int i = 0; i < 3; i++)
        {
            concealer.Conceal(frame, extrapolation);
        }

        Assert.False(concealer.Conceal(frame, extrapolation));

        Assert.All(frame, sample => Assert.Equal(0, sample));
        Assert.True(Rms(extrapolation) > 0.5 * Rms(signal.AsSpan(320, 160)));
    }

    [Fact]
    public void Conceal_FadesOutBy20PercentPer10msAndIsSilentAfter60ms()
    {
        short[] signal = Voiced(8000, 125, 3 * 160);
        PacketLossConcealer concealer = Primed(signal, 160, 8000, 3);
        double original = Rms(signal.AsSpan(320, 160));

        var frames = new short[4][];
        var sounded = new bool[4];
        for (int i = 0; i < 4; i++)
        {
            frames[i] = new short[160];
            sounded[i] = concealer.Conceal(frames[i]);
        }

        Assert.Equal([true, true, true, false], sounded);

        // Gain 1 then 1→0.8 in the first frame, 0.8→0.4 in the second, 0.4→0 in the third.
        Assert.InRange(Rms(frames[0]) / original, 0.85, 1.0);
        Assert.InRange(Rms(frames[1]) / original, 0.45, 0.75);
        Assert.InRange(Rms(frames[2]) / original, 0.1, 0.35);
        Assert.True(Rms(frames[2].AsSpan(140)) < 0.05 * original, "not faded out at 60 ms");
        Assert.All(frames[3], sample => Assert.Equal(0, sample));
    }

    [Fact]
    public void Played_AfterAnErasure_CrossFadesInsteadOfJumping()
    {
        short[] signal = Voiced(8000, 125, 4 * 160);
        PacketLossConcealer concealer = Primed(signal, 160, 8000, 3);
        concealer.Conceal(new short[160]);

        // The audio resumes half a period out of phase: a hard cut would jump by twice the amplitude.
        short[] resumed = Voiced(8000, 125, 160, phaseTurns: 0.5);
        short[] played = resumed.ToArray();
        concealer.Played(played);

        Assert.True(LargestStep(played) <= 1.3 * LargestStep(resumed), $"step {LargestStep(played)} against {LargestStep(resumed)}");
        Assert.NotEqual(resumed[..64], played[..64]);

        // A 20 ms erasure is followed by an 8 ms cross-fade; the rest is the audio as decoded.
        Assert.Equal(resumed[64..], played[64..]);
    }

    [Fact]
    public void Spliced_AfterDroppedFrames_CrossFadesOver4ms()
    {
        short[] signal = Voiced(8000, 125, 3 * 160);
        PacketLossConcealer concealer = Primed(signal, 160, 8000, 3);
        short[] resumed = Voiced(8000, 125, 160, phaseTurns: 0.5);
        short[] played = resumed.ToArray();

        concealer.Spliced(played);

        Assert.True(LargestStep(played) <= 1.3 * LargestStep(resumed), $"step {LargestStep(played)} against {LargestStep(resumed)}");
        Assert.Equal(resumed[32..], played[32..]);
    }

    [Fact]
    public void Conceal_AfterSilence_StaysSilent()
    {
        var concealer = new PacketLossConcealer(16000, 320);
        concealer.Played(new short[320]);

        var frame = Enumerable.Repeat((short)99, 320).ToArray();
        concealer.Conceal(frame);

        Assert.All(frame, sample => Assert.Equal(0, sample));
    }

    [Fact]
    public void Constructor_WithUnsupportedRate_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PacketLossConcealer(44100, 882));
    }
}
