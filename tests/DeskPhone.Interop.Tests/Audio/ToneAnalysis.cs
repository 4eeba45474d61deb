using System.Numerics;

namespace DeskPhone.Interop.Tests.Audio;

/// <summary>
/// Measurements for asserting what audio a peer received: RMS level, dominant frequency, and whether a
/// given tone is present. A call recording starts and ends with silence or ringback and the tone can
/// start late, so the frequency questions look at the loudest analysis windows, not the whole buffer.
/// </summary>
internal static class ToneAnalysis
{
    /// <summary>Windows quieter than this are treated as silence (G.711 idle decodes to about -70 dBFS or less).</summary>
    public const double SilenceFloorDbfs = -60;

    /// <summary>Windows within this many dB of the loudest one are searched for the tone.</summary>
    public const double LoudWindowRangeDb = 10;

    /// <summary>
    /// Least share of a window's power that must lie in the tone's peak. A pure tone scores near 1,
    /// two equal tones 0.5 each, white noise about 5 bins / (bins in the spectrum) ≈ 0.005.
    /// </summary>
    public const double MinTonePowerShare = 0.3;

    /// <summary>±bins around a peak that hold a Hann-windowed tone's power (see <see cref="FrameSpectrum"/>).</summary>
    private const int PeakHalfWidthBins = 2;

    /// <summary>RMS level in dBFS, relative to a full-scale square wave (so a full-scale sine is -3.01 dBFS); -∞ for silence or an empty buffer.</summary>
    public static double RmsDbfs(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty)
        {
            return double.NegativeInfinity;
        }

        double sumOfSquares = 0;
        foreach (var s in samples)
        {
            sumOfSquares += (double)s * s;
        }

        var rms = Math.Sqrt(sumOfSquares / samples.Length);
        return rms == 0 ? double.NegativeInfinity : 20 * Math.Log10(rms / 32768.0);
    }

    /// <summary>Frequency in Hz of the strongest spectral peak of the loudest window; NaN for silence.</summary>
    public static double DominantFrequency(ReadOnlySpan<short> samples, int sampleRate) =>
        MeasureLoudestWindow(samples, sampleRate).FrequencyHz;

    /// <summary>Frequency, level and purity of the strongest peak in the loudest window.</summary>
    public static ToneMeasurement MeasureLoudestWindow(ReadOnlySpan<short> samples, int sampleRate)
    {
        if (LoudestWindow(samples, sampleRate, WindowLength(sampleRate)) is not var (start, length, level))
        {
            return new ToneMeasurement(double.NaN, double.NegativeInfinity, 0);
        }

        var spectrum = FrameSpectrum.Compute(Window(samples, start, length), sampleRate);
        var peak = spectrum.StrongestPeak(0, sampleRate / 2.0);
        var purity = spectrum.TotalPower == 0 ? 0 : spectrum.PowerAround(peak, PeakHalfWidthBins) / spectrum.TotalPower;
        return new ToneMeasurement(spectrum.InterpolatedFrequency(peak), level, purity);
    }

    /// <summary>
    /// The share (0..1) of the power of the loudest window of <paramref name="windowSamples"/> in the
    /// peak within <paramref name="toleranceHz"/> of <paramref name="hz"/>; 0 when the samples are
    /// silent or have no peak there. For a short burst such as a DTMF key, a window about as long
    /// as the burst, so that what plays before and after it does not count; each tone of the pair
    /// then has about 0.4 and 0.6 of the power (the high tone 2 dB up).
    /// </summary>
    public static double ShareInLoudestWindow(ReadOnlySpan<short> samples, int sampleRate, int windowSamples, double hz, double toleranceHz)
    {
        if (LoudestWindow(samples, sampleRate, windowSamples) is not var (start, length, _))
        {
            return 0;
        }

        var spectrum = FrameSpectrum.Compute(Window(samples, start, length), sampleRate);
        var peak = spectrum.StrongestPeak(hz - toleranceHz, hz + toleranceHz);
        return peak < 0 || spectrum.TotalPower == 0 ? 0 : spectrum.PowerAround(peak, PeakHalfWidthBins) / spectrum.TotalPower;
    }

    /// <summary>Where the loudest analysis window starts, its length and level; null when all windows are digital silence.</summary>
    private static (int Start, int Length, double LevelDbfs)? LoudestWindow(ReadOnlySpan<short> samples, int sampleRate, int windowLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        var loudestStart = 0;
        var loudestLevel = double.NegativeInfinity;
        foreach (var start in WindowStarts(samples.Length, windowLength))
        {
            var level = RmsDbfs(Window(samples, start, windowLength));
            if (level > loudestLevel)
            {
                loudestLevel = level;
                loudestStart = start;
            }
        }

        return double.IsNegativeInfinity(loudestLevel) ? null : (loudestStart, windowLength, loudestLevel);
    }

    /// <summary>
    /// True when at least one of the loud windows (above <see cref="SilenceFloorDbfs"/> and within
    /// <see cref="LoudWindowRangeDb"/> of the loudest) has a spectral peak within
    /// <paramref name="toleranceHz"/> of <paramref name="hz"/> carrying at least
    /// <see cref="MinTonePowerShare"/> of that window's power. Leading and trailing silence is ignored.
    /// </summary>
    public static bool ContainsTone(ReadOnlySpan<short> samples, int sampleRate, double hz, double toleranceHz)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hz);
        ArgumentOutOfRangeException.ThrowIfNegative(toleranceHz);

        var windowLength = WindowLength(sampleRate);
        var starts = WindowStarts(samples.Length, windowLength);
        var levels = new double[starts.Count];
        var loudest = double.NegativeInfinity;
        for (var i = 0; i < starts.Count; i++)
        {
            levels[i] = RmsDbfs(Window(samples, starts[i], windowLength));
            loudest = Math.Max(loudest, levels[i]);
        }

        var threshold = Math.Max(SilenceFloorDbfs, loudest - LoudWindowRangeDb);
        for (var i = 0; i < starts.Count; i++)
        {
            if (levels[i] >= threshold && WindowHasTone(Window(samples, starts[i], windowLength), sampleRate, hz, toleranceHz))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// About a quarter of a second, rounded up to a power of two: long enough for bins of a few Hz
    /// (2048 samples = 3.9 Hz at 8 kHz), short enough to fit inside a brief tone burst.
    /// </summary>
    private static int WindowLength(int sampleRate) => (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(sampleRate / 4, 64));

    private static bool WindowHasTone(ReadOnlySpan<short> window, int sampleRate, double hz, double toleranceHz)
    {
        var spectrum = FrameSpectrum.Compute(window, sampleRate);
        if (spectrum.TotalPower == 0)
        {
            return false;
        }

        // Search one bin wider than the tolerance: the peak bin of an in-tolerance tone can sit just outside it.
        var peak = spectrum.StrongestPeak(hz - toleranceHz - spectrum.BinHz, hz + toleranceHz + spectrum.BinHz);
        if (peak < 0 || Math.Abs(spectrum.InterpolatedFrequency(peak) - hz) > toleranceHz)
        {
            return false;
        }

        return spectrum.PowerAround(peak, PeakHalfWidthBins) / spectrum.TotalPower >= MinTonePowerShare;
    }

    /// <summary>Windows overlap by half; the last one is aligned to the end so the tail is covered too.</summary>
    private static List<int> WindowStarts(int sampleCount, int windowLength)
    {
        var starts = new List<int>();
        if (sampleCount <= windowLength)
        {
            starts.Add(0);
            return starts;
        }

        var hop = windowLength / 2;
        for (var start = 0; start + windowLength <= sampleCount; start += hop)
        {
            starts.Add(start);
        }

        if (starts[^1] + windowLength < sampleCount)
        {
            starts.Add(sampleCount - windowLength);
        }

        return starts;
    }

    private static ReadOnlySpan<short> Window(ReadOnlySpan<short> samples, int start, int windowLength) =>
        samples.Slice(start, Math.Min(windowLength, samples.Length - start));
}
