namespace DeskPhone.Media.Resampling;

/// <summary>
/// The 205-tap linear-phase low-pass filter both 3:1 resamplers use (48 ↔ 16 kHz), designed at
/// start as a windowed sinc: cut at 7.5 kHz, the middle of the band between what G.722 carries
/// (to 7 kHz) and the 16 kHz rate's Nyquist frequency (8 kHz).
/// <para>
/// The Kaiser window's β = 6.2 gives about 65 dB of stop-band rejection and a pass-band ripple of
/// about ±0.01 dB; the transition a Kaiser window of this length needs at that rejection is
/// (65 − 8) / (2.285 · 204) rad/sample ≈ 0.93 kHz, so the stop band starts just below 8 kHz.
/// The length is 6·34 + 1, so the filter's delay, 102 samples at 48 kHz, is a whole number (34)
/// of 16 kHz samples too.
/// </para>
/// </summary>
internal static class ThirdBandFilter
{
    /// <summary>The rate ratio.</summary>
    public const int Factor = 3;

    /// <summary>Taps of each polyphase branch (the branches of phase 1 and 2 end with a zero).</summary>
    public const int PhaseTaps = 69;

    /// <summary>Taps of the whole filter, at the high rate.</summary>
    public const int Length = (Factor * PhaseTaps) - 2;

    /// <summary>Delay at the high rate (48 kHz samples): the centre tap's offset.</summary>
    public const int CentreDelay = (Length - 1) / 2;

    private const double Cutoff = 7500.0 / 48000;
    private const double Beta = 6.2;

    /// <summary>
    /// The taps, symmetric (so also their own reverse). Each polyphase branch
    /// (taps k ≡ p mod 3) sums to exactly 1/3: the interpolator, which multiplies by 3, then
    /// passes DC at unity gain from every branch, and the whole filter sums to 1.
    /// </summary>
    public static readonly float[] Taps = Design();

    private static float[] Design()
    {
        var taps = new double[Length];
        for (int k = 0; k < Length; k++)
        {
            int offset = k - CentreDelay;

            // Ideal low-pass impulse response 2fc·sinc(2fc·d), tapered by the window.
            double ideal = offset == 0 ? 2 * Cutoff : Math.Sin(2 * Math.PI * Cutoff * offset) / (Math.PI * offset);
            double ratio = (double)offset / CentreDelay;
            taps[k] = ideal * KaiserWindow.At(ratio, Beta);
        }

        for (int phase = 0; phase < Factor; phase++)
        {
            double sum = 0;
            for (int k = phase; k < Length; k += Factor)
            {
                sum += taps[k];
            }

            for (int k = phase; k < Length; k += Factor)
            {
                taps[k] *= 1.0 / (Factor * sum);
            }
        }

        return [.. taps.Select(tap => (float)tap)];
    }
}
