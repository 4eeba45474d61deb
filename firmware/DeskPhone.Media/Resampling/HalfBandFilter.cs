namespace DeskPhone.Media.Resampling;

/// <summary>
/// The 47-tap half-band low-pass filter both 2:1 resamplers use, cut at a quarter of the high
/// rate (4 kHz at 16 kHz). In a half-band filter the centre tap is 1/2 and every other tap is
/// zero, so only the twelve odd-offset taps on each side are stored and multiplied.
/// <para>
/// Windowed sinc with a Kaiser window, β = 6: about 60 dB of stop-band rejection, pass band
/// flat to about 3.3 kHz — all of telephone band audio — and stop band from about 4.7 kHz.
/// </para>
/// </summary>
internal static class HalfBandFilter
{
    /// <summary>Odd-offset taps per side; the filter spans ±(2·SideTaps − 1) samples around its centre.</summary>
    public const int SideTaps = 12;

    /// <summary>Offset of the centre tap from the newest sample the filter reads.</summary>
    public const int CentreDelay = (2 * SideTaps) - 1;

    private const double Beta = 6;

    /// <summary>Taps at offsets ±1, ±3, …, ±23 from the centre, nearest first; they sum to 1/4 per side.</summary>
    public static readonly double[] Taps = Design();

    private static double[] Design()
    {
        var taps = new double[SideTaps];
        double halfSpan = CentreDelay + 1;
        for (int j = 0; j < SideTaps; j++)
        {
            int offset = (2 * j) + 1;

            // Ideal half-band impulse response sin(πd/2)/(πd), tapered by the window.
            double ideal = Math.Sin(Math.PI * offset / 2) / (Math.PI * offset);
            double ratio = offset / halfSpan;
            taps[j] = ideal * KaiserWindow.At(ratio, Beta);
        }

        // Unity gain at DC: centre 1/2 plus both sides must sum to 1.
        double side = taps.Sum();
        for (int j = 0; j < SideTaps; j++)
        {
            taps[j] *= 0.25 / side;
        }

        return taps;
    }
}
