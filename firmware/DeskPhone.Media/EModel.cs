namespace DeskPhone.Media;

/// <summary>
/// The simplified ITU-T G.107 E-model: R = 93.2 - Id - Ie,eff with every other parameter at its
/// default (R0 - Is = 93.2, A = 0), and R turned into an estimated MOS (G.107 Annex B).
/// <para>
/// Id is taken as Idd, the impairment of a long one-way delay Ta (G.107 §7.4): with echo
/// cancelled (the default TELR of 65 dB) the talker and listener echo terms are negligible.
/// Ie,eff = Ie + (95 - Ie) · Ppl / (Ppl / BurstR + Bpl), with random loss (BurstR = 1).
/// </para>
/// <para>
/// Ie and Bpl come from ITU-T G.113 Appendix I (table I.3): G.711 has Ie = 0, and Bpl = 25.1
/// with the Appendix I concealment this phone uses. G.113 Appendix I lists narrowband codecs
/// only: G.722 (concealed here by the same method on its 16 kHz signal) is given G.711's
/// figures, and so is Opus, whose own concealment is at least as robust; on the narrowband
/// scale of this model neither can show its wideband advantage (that is G.107.1's scale).
/// </para>
/// </summary>
internal static class EModel
{
    private const double DefaultR = 93.2;

    /// <summary>The equipment impairment Ie and packet-loss robustness Bpl of a codec (G.113 Appendix I).</summary>
    public static (double Ie, double Bpl) Impairment(AudioCodec codec) => codec switch
    {
        AudioCodec.Pcmu or AudioCodec.Pcma or AudioCodec.G722 => (0, 25.1),
        _ => throw new ArgumentOutOfRangeException(nameof(codec)),
    };

    /// <param name="oneWayDelay">Ta, mouth to ear.</param>
    /// <param name="lossPercent">Ppl: packets lost (or too late to play), in percent.</param>
    public static double Rating(AudioCodec codec, TimeSpan oneWayDelay, double lossPercent)
    {
        (double ie, double bpl) = Impairment(codec);
        double loss = Math.Clamp(lossPercent, 0, 100);
        double effective = ie + ((95 - ie) * loss / (loss + bpl));
        return DefaultR - DelayImpairment(oneWayDelay.TotalMilliseconds) - effective;
    }

    /// <summary>G.107 Annex B: MOS 1 below R = 0, 4.5 above R = 100, a cubic in between.</summary>
    public static double Mos(double rating) => rating switch
    {
        <= 0 => 1,
        >= 100 => 4.5,
        _ => 1 + (0.035 * rating) + (rating * (rating - 60) * (100 - rating) * 7e-6),
    };

    /// <summary>Idd of G.107 §7.4: none up to 100 ms, then growing with the octaves of delay beyond.</summary>
    private static double DelayImpairment(double milliseconds)
    {
        if (milliseconds <= 100)
        {
            return 0;
        }

        double x = Math.Log2(milliseconds / 100);
        return 25 * (Math.Pow(1 + Math.Pow(x, 6), 1.0 / 6) - (3 * Math.Pow(1 + Math.Pow(x / 3, 6), 1.0 / 6)) + 2);
    }
}
