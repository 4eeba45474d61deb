using static DeskPhone.Interop.Tests.Audio.TestSignals;

namespace DeskPhone.Interop.Tests.Audio;

public sealed class ToneAnalysisTests
{
    [Theory]
    [InlineData(1000, 8000)]
    [InlineData(440, 8000)]
    [InlineData(3137.5, 8000)]
    [InlineData(440, 48000)]
    [InlineData(1000, 16000)]
    public void DominantFrequency_OfPureTone_IsWithinHalfAHertz(double hz, int sampleRate)
    {
        var tone = Sine(hz, sampleRate, 1.0);

        Assert.Equal(hz, ToneAnalysis.DominantFrequency(tone, sampleRate), 0.5);
    }

    [Fact]
    public void DominantFrequency_OfSilence_IsNaN()
    {
        Assert.True(double.IsNaN(ToneAnalysis.DominantFrequency(Silence(8000, 1), 8000)));
    }

    [Fact]
    public void DominantFrequency_WhenBufferIsShorterThanAWindow_StillFindsTheTone()
    {
        var tone = Sine(1000, 8000, 0.05);

        Assert.Equal(1000, ToneAnalysis.DominantFrequency(tone, 8000), 5.0);
    }

    [Fact]
    public void MeasureLoudestWindow_WhenQuietToneIsFollowedByLoudTone_ReportsTheLoudTone()
    {
        var signal = Concat(Sine(440, 8000, 1, amplitude: 0.05), Sine(1000, 8000, 1, amplitude: 0.8));

        var measurement = ToneAnalysis.MeasureLoudestWindow(signal, 8000);

        Assert.Equal(1000, measurement.FrequencyHz, 0.5);
        Assert.Equal(20 * Math.Log10(0.8 / Math.Sqrt(2)), measurement.LevelDbfs, 0.1);
        Assert.True(measurement.Purity > 0.95, $"purity {measurement.Purity}");
    }

    [Fact]
    public void MeasureLoudestWindow_OfWhiteNoise_HasLowPurity()
    {
        var measurement = ToneAnalysis.MeasureLoudestWindow(Noise(8000, 1, 0.5), 8000);

        Assert.True(measurement.Purity < 0.05, $"purity {measurement.Purity}");
    }

    [Fact]
    public void RmsDbfs_OfFullScaleSine_IsMinusThreeDecibels()
    {
        Assert.Equal(-3.01, ToneAnalysis.RmsDbfs(Sine(1000, 8000, 1, amplitude: 1.0)), 0.02);
    }

    [Fact]
    public void RmsDbfs_OfHalfScaleSquareWave_IsMinusSixDecibels()
    {
        var square = Enumerable.Range(0, 800).Select(i => (short)(i % 8 < 4 ? 16384 : -16384)).ToArray();

        Assert.Equal(-6.02, ToneAnalysis.RmsDbfs(square), 0.01);
    }

    [Fact]
    public void RmsDbfs_OfSilenceOrEmptyBuffer_IsNegativeInfinity()
    {
        Assert.Equal(double.NegativeInfinity, ToneAnalysis.RmsDbfs(Silence(8000, 0.1)));
        Assert.Equal(double.NegativeInfinity, ToneAnalysis.RmsDbfs(ReadOnlySpan<short>.Empty));
    }

    [Fact]
    public void ContainsTone_WhenToneIsSurroundedBySilence_ReturnsTrue()
    {
        var signal = Concat(Silence(8000, 1.2), Sine(1000, 8000, 0.6, amplitude: 0.1), Silence(8000, 1.5));

        Assert.True(ToneAnalysis.ContainsTone(signal, 8000, 1000, 10));
    }

    [Fact]
    public void ContainsTone_ForADifferentTone_ReturnsFalse()
    {
        var signal = Sine(440, 8000, 2);

        Assert.False(ToneAnalysis.ContainsTone(signal, 8000, 1000, 20));
    }

    [Fact]
    public void ContainsTone_WhenToneIsJustOutsideTolerance_ReturnsFalse()
    {
        var signal = Sine(1015, 8000, 1);

        Assert.False(ToneAnalysis.ContainsTone(signal, 8000, 1000, 10));
        Assert.True(ToneAnalysis.ContainsTone(signal, 8000, 1000, 20));
    }

    [Fact]
    public void ContainsTone_ForSilence_ReturnsFalse()
    {
        Assert.False(ToneAnalysis.ContainsTone(Silence(8000, 2), 8000, 1000, 20));
        Assert.False(ToneAnalysis.ContainsTone(ReadOnlySpan<short>.Empty, 8000, 1000, 20));
    }

    [Fact]
    public void ContainsTone_ForToneBelowTheSilenceFloor_ReturnsFalse()
    {
        // Amplitude 0.0005 of full scale is about -69 dBFS.
        Assert.False(ToneAnalysis.ContainsTone(Sine(1000, 8000, 1, amplitude: 0.0005), 8000, 1000, 20));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ContainsTone_ForWhiteNoise_ReturnsFalse(int seed)
    {
        var noise = Noise(8000, 3, 0.5, seed);

        Assert.False(ToneAnalysis.ContainsTone(noise, 8000, 1000, 50));
    }

    [Fact]
    public void ContainsTone_WhenToneIsSevenDecibelsAboveWhiteNoise_ReturnsTrue()
    {
        // Tone power 0.5·0.3² = 0.045, uniform noise power 0.17²/3 ≈ 0.0096: 6.7 dB over the whole band.
        var signal = Mix(Sine(1000, 8000, 2, amplitude: 0.3), Noise(8000, 2, 0.17));

        Assert.True(ToneAnalysis.ContainsTone(signal, 8000, 1000, 10));
    }

    [Fact]
    public void ContainsTone_WhenTwoTonesArePresent_FindsBoth()
    {
        var signal = Mix(Sine(440, 8000, 1, amplitude: 0.3), Sine(1000, 8000, 1, amplitude: 0.3));

        Assert.True(ToneAnalysis.ContainsTone(signal, 8000, 440, 5));
        Assert.True(ToneAnalysis.ContainsTone(signal, 8000, 1000, 5));
        Assert.False(ToneAnalysis.ContainsTone(signal, 8000, 700, 50));
    }

    [Fact]
    public void ContainsTone_WhenLoudDifferentToneDominatesEveryWindow_ReturnsFalse()
    {
        // The 1000 Hz tone is 30 dB under the 440 Hz tone: present, but not what the peer "hears".
        var signal = Mix(Sine(440, 8000, 1, amplitude: 0.5), Sine(1000, 8000, 1, amplitude: 0.016));

        Assert.False(ToneAnalysis.ContainsTone(signal, 8000, 1000, 10));
    }
}
