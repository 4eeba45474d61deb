namespace DeskPhone.Media.Tones;

/// <summary>
/// One tone: one or two sine components and a cadence. Built once (the plans are static), so
/// starting a tone on the audio thread allocates nothing.
/// </summary>
internal sealed class ToneSpec
{
    /// <param name="low">First frequency in Hz.</param>
    /// <param name="high">Second frequency in Hz, or 0 for a single-frequency tone.</param>
    /// <param name="lowDbm0">Level of the first component in dBm0.</param>
    /// <param name="highDbm0">Level of the second component in dBm0.</param>
    /// <param name="cadenceMilliseconds">On, off, on, off… in ms; empty for a continuous tone.</param>
    /// <param name="repeats">Whether the cadence starts over after its last segment, or the tone ends.</param>
    public ToneSpec(double low, double high, double lowDbm0, double highDbm0, int[] cadenceMilliseconds, bool repeats = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(low);
        ArgumentOutOfRangeException.ThrowIfNegative(high);
        if (cadenceMilliseconds.Any(milliseconds => milliseconds <= 0) || (!repeats && cadenceMilliseconds.Length == 0))
        {
            throw new ArgumentException("Cadence segments must be positive, and a tone that ends needs a cadence.", nameof(cadenceMilliseconds));
        }

        Low = low;
        High = high;
        LowAmplitude = PeakAmplitude(lowDbm0);
        HighAmplitude = high == 0 ? 0 : PeakAmplitude(highDbm0);
        CadenceMilliseconds = cadenceMilliseconds;
        Repeats = repeats;
    }

    public double Low { get; }

    public double High { get; }

    public double LowAmplitude { get; }

    public double HighAmplitude { get; }

    /// <summary>Even indices are bursts, odd indices pauses.</summary>
    public IReadOnlyList<int> CadenceMilliseconds { get; }

    public bool IsContinuous => CadenceMilliseconds.Count == 0;

    public bool Repeats { get; }

    /// <summary>A single-frequency tone at one level.</summary>
    public static ToneSpec Single(double frequency, double dbm0, params int[] cadenceMilliseconds) =>
        new(frequency, 0, dbm0, dbm0, cadenceMilliseconds);

    /// <summary>A dual-frequency tone, both components at one level.</summary>
    public static ToneSpec Dual(double low, double high, double dbm0, params int[] cadenceMilliseconds) =>
        new(low, high, dbm0, dbm0, cadenceMilliseconds);

    /// <summary>
    /// Peak sample value of a sine at <paramref name="dbm0"/>: a full-scale μ-law sine is
    /// +3.17 dBm0 (ITU-T G.711), and full scale in 16 bits is 32767.
    /// </summary>
    public static double PeakAmplitude(double dbm0) => 32767 * Math.Pow(10, (dbm0 - 3.17) / 20);
}
