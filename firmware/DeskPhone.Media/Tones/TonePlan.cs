namespace DeskPhone.Media.Tones;

/// <summary>
/// A country's call-progress tones, from ITU-T E.180 Supplement 2 ("Various tones used in
/// national networks"). Single-frequency tones play at -10 dBm0; each component of a
/// dual-frequency tone at -13 dBm0, so the pair has about the same loudness.
/// </summary>
internal sealed class TonePlan(ToneSpec dial, ToneSpec ringback, ToneSpec busy, ToneSpec congestion, ToneSpec callWaiting)
{
    private const double SingleDbm0 = -10;
    private const double DualDbm0 = -13;

    /// <summary>
    /// Italy: 425 Hz. The harmonised continuous dial tone (ETSI TR 101 041) rather than the
    /// national cadenced one (0.2-0.2-0.6-1.0 s); ringback 1/4 s, busy 0.5/0.5 s, congestion
    /// 0.2/0.2 s, call waiting 0.4-0.1-0.25-0.1-0.15 s then 14 s of silence.
    /// </summary>
    public static readonly TonePlan Italy = new(
        dial: ToneSpec.Single(425, SingleDbm0),
        ringback: ToneSpec.Single(425, SingleDbm0, 1000, 4000),
        busy: ToneSpec.Single(425, SingleDbm0, 500, 500),
        congestion: ToneSpec.Single(425, SingleDbm0, 200, 200),
        callWaiting: ToneSpec.Single(425, SingleDbm0, 400, 100, 250, 100, 150, 14000));

    /// <summary>
    /// United States (precise tone plan): dial 350+440 Hz continuous, ringback 440+480 Hz 2/4 s,
    /// busy 480+620 Hz 0.5/0.5 s, reorder 480+620 Hz 0.25/0.25 s, call waiting one 0.3 s burst of
    /// 440 Hz every 10 s.
    /// </summary>
    public static readonly TonePlan UnitedStates = new(
        dial: ToneSpec.Dual(350, 440, DualDbm0),
        ringback: ToneSpec.Dual(440, 480, DualDbm0, 2000, 4000),
        busy: ToneSpec.Dual(480, 620, DualDbm0, 500, 500),
        congestion: ToneSpec.Dual(480, 620, DualDbm0, 250, 250),
        callWaiting: ToneSpec.Single(440, SingleDbm0, 300, 9700));

    /// <summary>
    /// United Kingdom: dial 350+450 Hz continuous, ringback 400+450 Hz 0.4-0.2-0.4-2.0 s, busy
    /// 400 Hz 0.375/0.375 s, congestion 400 Hz 0.4-0.35-0.225-0.525 s, call waiting 400 Hz 0.1 s
    /// every 4.1 s.
    /// </summary>
    public static readonly TonePlan UnitedKingdom = new(
        dial: ToneSpec.Dual(350, 450, DualDbm0),
        ringback: ToneSpec.Dual(400, 450, DualDbm0, 400, 200, 400, 2000),
        busy: ToneSpec.Single(400, SingleDbm0, 375, 375),
        congestion: ToneSpec.Single(400, SingleDbm0, 400, 350, 225, 525),
        callWaiting: ToneSpec.Single(400, SingleDbm0, 100, 4000));

    public static TonePlan For(ToneLocale locale) => locale switch
    {
        ToneLocale.Italy => Italy,
        ToneLocale.UnitedStates => UnitedStates,
        ToneLocale.UnitedKingdom => UnitedKingdom,
        _ => throw new ArgumentOutOfRangeException(nameof(locale)),
    };

    /// <summary>The spec of a tone; null for None. REAL-TIME: no allocation, no lock, no logging.</summary>
    public ToneSpec? For(CallProgressTone tone) => tone switch
    {
        CallProgressTone.None => null,
        CallProgressTone.Dial => dial,
        CallProgressTone.Ringback => ringback,
        CallProgressTone.Busy => busy,
        CallProgressTone.Congestion => congestion,
        CallProgressTone.CallWaiting => callWaiting,
        _ => throw new ArgumentOutOfRangeException(nameof(tone)),
    };
}
