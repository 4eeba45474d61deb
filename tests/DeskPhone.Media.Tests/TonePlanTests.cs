using DeskPhone.Hal;

namespace DeskPhone.Media.Tests;

/// <summary>
/// Each locale's call-progress tones, measured on what the audio engine renders: the frequencies
/// by a spectral peak search over the first burst, the cadence by timing sounding and silent runs.
/// Expected values are ITU-T E.180 Supplement 2's.
/// </summary>
public sealed class TonePlanTests
{
    private const int SampleRate = 8000;

    public static TheoryData<ToneLocale, CallProgressTone, int, int, int[]> Tones => new()
    {
        // locale, tone, low Hz, high Hz (0: single), cadence in ms (on, off, …; empty: continuous)
        { ToneLocale.Italy, CallProgressTone.Dial, 425, 0, [] },
        { ToneLocale.Italy, CallProgressTone.Ringback, 425, 0, [1000, 4000] },
        { ToneLocale.Italy, CallProgressTone.Busy, 425, 0, [500, 500] },
        { ToneLocale.Italy, CallProgressTone.Congestion, 425, 0, [200, 200] },
        { ToneLocale.Italy, CallProgressTone.CallWaiting, 425, 0, [400, 100, 250, 100, 150, 14000] },
        { ToneLocale.UnitedStates, CallProgressTone.Dial, 350, 440, [] },
        { ToneLocale.UnitedStates, CallProgressTone.Ringback, 440, 480, [2000, 4000] },
        { ToneLocale.UnitedStates, CallProgressTone.Busy, 480, 620, [500, 500] },
        { ToneLocale.UnitedStates, CallProgressTone.Congestion, 480, 620, [250, 250] },
        { ToneLocale.UnitedStates, CallProgressTone.CallWaiting, 440, 0, [300, 9700] },
        { ToneLocale.UnitedKingdom, CallProgressTone.Dial, 350, 450, [] },
        { ToneLocale.UnitedKingdom, CallProgressTone.Ringback, 400, 450, [400, 200, 400, 2000] },
        { ToneLocale.UnitedKingdom, CallProgressTone.Busy, 400, 0, [375, 375] },
        { ToneLocale.UnitedKingdom, CallProgressTone.Congestion, 400, 0, [400, 350, 225, 525] },
        { ToneLocale.UnitedKingdom, CallProgressTone.CallWaiting, 400, 0, [100, 4000] },
    };

    private static short[] Render(AudioEngine engine, double seconds)
    {
        int frames = (int)Math.Ceiling(seconds * 50);
        var signal = new short[frames * engine.Format.FrameSamples];
        for (int offset = 0; offset < signal.Length; offset += engine.Format.FrameSamples)
        {
            engine.RenderPlayback(signal.AsSpan(offset, engine.Format.FrameSamples));
        }

        return signal;
    }

    [Theory]
    [MemberData(nameof(Tones))]
    public void Tone_MeasuredOnRenderedFrames_HasItsLocalesFrequenciesAndCadence(
        ToneLocale locale, CallProgressTone tone, int low, int high, int[] cadence)
    {
        var engine = new AudioEngine(new AudioFormat(SampleRate, 160), locale);
        engine.SetTone(tone);
        int period = cadence.Sum();
        short[] signal = Render(engine, cadence.Length == 0 ? 1 : (period + cadence[0]) / 1000.0);

        List<int> runs = ToneAnalysis.Runs(signal.AsSpan(0, (cadence.Length == 0 ? 1000 : period + cadence[0]) * SampleRate / 1000), SampleRate);
        int[] expectedRuns = cadence.Length == 0 ? [1000] : [.. cadence, cadence[0]];
        Assert.Equal(expectedRuns.Length, runs.Count);
        for (int i = 0; i < runs.Count; i++)
        {
            // Fades shorten a burst as seen by a threshold by a millisecond or two at most.
            Assert.InRange(runs[i], expectedRuns[i] - 2, expectedRuns[i] + 2);
        }

        int burstSamples = Math.Min(cadence.Length == 0 ? 1000 : cadence[0], 400) * SampleRate / 1000;
        var peaks = ToneAnalysis.TwoPeaks(signal.AsSpan(0, burstSamples), SampleRate, 300, 700);
        if (high == 0)
        {
            Assert.InRange(peaks.First.Hz, low - 1, low + 1);
            Assert.True(peaks.Second.Amplitude < peaks.First.Amplitude / 10, $"second component at {peaks.Second.Hz} Hz");
        }
        else
        {
            int[] found = [.. new[] { peaks.First.Hz, peaks.Second.Hz }.Order()];
            Assert.InRange(found[0], low - 1, low + 1);
            Assert.InRange(found[1], high - 1, high + 1);
            Assert.InRange(peaks.Second.Amplitude / peaks.First.Amplitude, 0.9, 1.1);
        }
    }

    [Fact]
    public void DefaultLocale_IsItaly()
    {
        Assert.Equal(ToneLocale.Italy, new AudioEngine(new AudioFormat(SampleRate, 160)).Locale);
    }
}
