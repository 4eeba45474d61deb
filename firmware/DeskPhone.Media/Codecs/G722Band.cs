namespace DeskPhone.Media.Codecs;

/// <summary>
/// What one G.722 sub-band's ADPCM remembers between samples: the adaptive predictor (two poles,
/// six zeros) that estimates the next sub-band sample, and the adaptive scale factor of the
/// quantiser. Encoder and decoder run the same adaptation on the same quantised differences,
/// so their states stay identical without side information.
/// <para>
/// All arithmetic follows the recommendation's 16-bit fixed-point description: products are
/// shifted right by 15 (arithmetic shifts, rounding towards minus infinity), and the values it
/// limits to 16 bits are saturated here too.
/// </para>
/// </summary>
internal sealed class G722Band
{
    private const int ZeroCount = 6;

    private readonly int _logScaleCeiling;
    private readonly int _scaleShift;

    // Zero section: coefficients B1..B6 and the last six quantised differences, newest first.
    private readonly int[] _zeros = new int[ZeroCount];
    private readonly int[] _differences = new int[ZeroCount];

    // Pole section: coefficients A1, A2, the last reconstructed sample, and the signs of the
    // last two partially reconstructed samples (difference plus zero-section estimate).
    private int _pole1;
    private int _pole2;
    private int _lastReconstructed;
    private bool _partialNegative1;
    private bool _partialNegative2;

    private int _logScale;
    private int _zeroEstimate;

    private G722Band(int logScaleCeiling, int scaleShift)
    {
        _logScaleCeiling = logScaleCeiling;
        _scaleShift = scaleShift;
        Scale = ScaleFromLog(0);
    }

    /// <summary>The signal estimate for the next sample (S_L or S_H).</summary>
    public int Estimate { get; private set; }

    /// <summary>The quantiser scale factor for the next sample (DET_L or DET_H).</summary>
    public int Scale { get; private set; }

    /// <summary>The lower band: log scale factor limited to 18432, inverse log shifted by 8 (LOGSCL, SCALEL); DET_L starts at 32.</summary>
    public static G722Band Lower() => new(logScaleCeiling: 18432, scaleShift: 8);

    /// <summary>The higher band: log scale factor limited to 22528, inverse log shifted by 10 (LOGSCH, SCALEH); DET_H starts at 8.</summary>
    public static G722Band Higher() => new(logScaleCeiling: 22528, scaleShift: 10);

    /// <summary>Makes this band's state a copy of <paramref name="source"/>'s. REAL-TIME: no allocation, no lock, no logging.</summary>
    public void CopyFrom(G722Band source)
    {
        source._zeros.CopyTo(_zeros, 0);
        source._differences.CopyTo(_differences, 0);
        _pole1 = source._pole1;
        _pole2 = source._pole2;
        _lastReconstructed = source._lastReconstructed;
        _partialNegative1 = source._partialNegative1;
        _partialNegative2 = source._partialNegative2;
        _logScale = source._logScale;
        _zeroEstimate = source._zeroEstimate;
        Estimate = source.Estimate;
        Scale = source.Scale;
    }

    /// <summary>Saturates to the 16-bit range the recommendation computes in.</summary>
    public static int Saturate(int value) => Math.Clamp(value, short.MinValue, short.MaxValue);

    /// <summary>
    /// Adapts the scale factor and the predictor to this sample's quantised difference and
    /// computes the next estimate. REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    /// <param name="difference">The quantised difference the predictor sees (D_LT or D_H).</param>
    /// <param name="logStep">The log scale-factor step of the sample's code (W_L or W_H).</param>
    public void Adapt(int difference, int logStep)
    {
        AdaptScale(logStep);

        // PARREC and RECONS: partially and fully reconstructed sample.
        bool partialNegative = _zeroEstimate + difference < 0;
        int reconstructed = Saturate(Estimate + difference);

        AdaptPoles(partialNegative);
        AdaptZeros(difference);

        _partialNegative2 = _partialNegative1;
        _partialNegative1 = partialNegative;

        // FILTEZ: the zero section over the six latest differences, each doubled.
        int zeroEstimate = 0;
        for (int i = 0; i < ZeroCount; i++)
        {
            zeroEstimate += (_zeros[i] * Saturate(_differences[i] * 2)) >> 15;
        }

        // FILTEP: the pole section over the two latest reconstructed samples, each doubled.
        int poleEstimate = ((_pole1 * Saturate(reconstructed * 2)) >> 15)
            + ((_pole2 * Saturate(_lastReconstructed * 2)) >> 15);

        _lastReconstructed = reconstructed;
        _zeroEstimate = zeroEstimate;

        // PREDIC.
        Estimate = Saturate(poleEstimate + zeroEstimate);
    }

    // LOGSCL/LOGSCH: leaky (127/128) log-domain integration of the code's step; then
    // SCALEL/SCALEH turn the log back into the linear DET used by the next sample.
    private void AdaptScale(int logStep)
    {
        _logScale = Math.Clamp(((_logScale * 32512) >> 15) + logStep, 0, _logScaleCeiling);
        Scale = ScaleFromLog(_logScale);
    }

    private int ScaleFromLog(int logScale)
    {
        int mantissa = G722Tables.InverseLog[(logScale >> 6) & 31];
        int shift = _scaleShift - (logScale >> 11);
        int linear = shift >= 0 ? mantissa >> shift : mantissa << -shift;
        return linear << 2;
    }

    // UPPOL2 then UPPOL1: sign-sign gradient updates with leakage; A2 is limited to ±0.75 and
    // A1 to 1 - 2^-4 - A2 (in Q14: 12288 and 15360 - A2) to keep the pole section stable.
    private void AdaptPoles(bool partialNegative)
    {
        bool sameAsPrevious = partialNegative == _partialNegative1;
        int scaledPole1 = Saturate(_pole1 * 4);
        int gradient = (sameAsPrevious ? Saturate(-scaledPole1) : scaledPole1) >> 7;
        int sign = partialNegative == _partialNegative2 ? 128 : -128;
        int pole2 = Math.Clamp(gradient + sign + ((_pole2 * 32512) >> 15), -12288, 12288);

        int pole1 = (sameAsPrevious ? 192 : -192) + ((_pole1 * 32640) >> 15);
        int limit = 15360 - pole2;

        _pole1 = Math.Clamp(pole1, -limit, limit);
        _pole2 = pole2;
    }

    // UPZERO then DELAYA: each zero coefficient leaks by 1 - 2^-8 and moves by 2^-7 towards
    // the product of the signs of the new difference and its own delayed difference; a zero
    // difference only leaks. Then the difference line shifts by one.
    private void AdaptZeros(int difference)
    {
        int step = difference == 0 ? 0 : 128;
        bool negative = difference < 0;
        for (int i = 0; i < ZeroCount; i++)
        {
            int gradient = negative == (_differences[i] < 0) ? step : -step;
            _zeros[i] = gradient + ((_zeros[i] * 32640) >> 15);
        }

        for (int i = ZeroCount - 1; i > 0; i--)
        {
            _differences[i] = _differences[i - 1];
        }

        _differences[0] = difference;
    }
}
