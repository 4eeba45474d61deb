namespace DeskPhone.Media.Codecs;

/// <summary>
/// The G.722 adaptive quantisers (SUBTRA/QUANTL for the lower band, SUBTRH/QUANTH for the
/// higher): the code for one sub-band sample given a band's current estimate and scale factor.
/// The encoder codes the input with them; the decoder codes its own concealment with them to
/// keep its state in step through lost frames. Neither adapts the band: the caller does, from
/// the code.
/// </summary>
internal static class G722Quantiser
{
    /// <summary>The 6-bit lower-band code I_L of <paramref name="sample"/>. REAL-TIME: no allocation, no lock, no logging.</summary>
    public static int Lower(G722Band band, int sample)
    {
        int difference = G722Band.Saturate(sample - band.Estimate);
        int magnitude = OnesComplementMagnitude(difference);
        int scale = band.Scale;

        ReadOnlySpan<int> levels = G722Tables.LowDecisionLevels;
        int interval = 0;
        while (interval < levels.Length && magnitude >= (levels[interval] * scale) >> 12)
        {
            interval++;
        }

        return difference >= 0 ? G722Tables.LowPositiveCodes[interval] : G722Tables.LowNegativeCodes[interval];
    }

    /// <summary>The 2-bit higher-band code I_H of <paramref name="sample"/>. REAL-TIME: no allocation, no lock, no logging.</summary>
    public static int Higher(G722Band band, int sample)
    {
        int difference = G722Band.Saturate(sample - band.Estimate);
        bool outer = OnesComplementMagnitude(difference) >= (G722Tables.HighDecisionLevel * band.Scale) >> 12;
        return (difference >= 0 ? 2 : 0) + (outer ? 0 : 1);
    }

    // The quantisers compare magnitudes in one's complement, so -1 ranks with 0 and the
    // intervals are symmetric around -0.5, like the 16-bit "32767 - x" of the recommendation.
    private static int OnesComplementMagnitude(int value) => value >= 0 ? value : ~value;
}
