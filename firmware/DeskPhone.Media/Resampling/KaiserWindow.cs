namespace DeskPhone.Media.Resampling;

/// <summary>
/// The Kaiser window the resamplers' windowed-sinc filters are tapered with: w(r) = I0(β·√(1 − r²)) / I0(β)
/// for r from −1 to 1 across the filter's span; β trades stop-band rejection against transition width.
/// </summary>
internal static class KaiserWindow
{
    /// <summary>The window at <paramref name="ratio"/> (the tap's offset from the centre over the half span).</summary>
    public static double At(double ratio, double beta) =>
        BesselI0(beta * Math.Sqrt(Math.Max(0, 1 - (ratio * ratio)))) / BesselI0(beta);

    // Modified Bessel function of the first kind, order 0, by its power series.
    private static double BesselI0(double x)
    {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50 && term > 1e-12 * sum; k++)
        {
            term *= x * x / (4.0 * k * k);
            sum += term;
        }

        return sum;
    }
}
