namespace DeskPhone.Media.Codecs;

/// <summary>
/// The constants of ITU-T G.722 (sub-band ADPCM at 64 kbit/s): the QMF coefficients, the
/// quantiser decision and reconstruction levels, the code assignment, the log scale-factor
/// steps and the inverse-log table. Levels are in the recommendation's fixed-point units: a
/// quantiser level times the scale factor DET, shifted right by 12, is a sub-band signal value.
/// <para>
/// Static arrays, never written, rather than span properties: a span property over constants
/// wider than a byte builds a new array on every access, which the audio thread must not do.
/// </para>
/// </summary>
internal static class G722Tables
{
    /// <summary>
    /// QMF coefficients h0..h23, scaled by 2^13 (G.722 transmit and receive QMF). The filter is
    /// symmetric, so the same table serves analysis and synthesis.
    /// </summary>
    public static readonly int[] Qmf =
    [
        3, -11, -11, 53, 12, -156, 32, 362, -210, -805, 951, 3876,
        3876, 951, -805, -210, 362, 32, -156, 12, 53, -11, -11, 3,
    ];

    /// <summary>
    /// Lower band, 6-bit quantiser (QUANTL): the decision level that ends interval m (1..29);
    /// interval 30 is open-ended. Index 0 is interval 1.
    /// </summary>
    public static readonly int[] LowDecisionLevels =
    [
        35, 72, 110, 150, 190, 233, 276, 323, 370, 422, 473, 530, 587, 650, 714,
        786, 858, 940, 1023, 1121, 1219, 1339, 1458, 1612, 1765, 1980, 2195, 2557, 2919,
    ];

    /// <summary>Lower band: the 6-bit code sent for a positive difference in interval m (index 0 is m = 1).</summary>
    public static readonly byte[] LowPositiveCodes =
    [
        61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47,
        46, 45, 44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34, 33, 32,
    ];

    /// <summary>Lower band: the 6-bit code sent for a negative difference in interval m (index 0 is m = 1).</summary>
    public static readonly byte[] LowNegativeCodes =
    [
        63, 62, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19,
        18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4,
    ];

    /// <summary>
    /// Lower band, 6-bit inverse quantiser (INVQBL in 64 kbit/s mode), indexed by the code.
    /// Codes 0-3 are never sent by an encoder; the recommendation decodes them as the
    /// smallest negative level.
    /// </summary>
    public static readonly int[] LowReconstruction6 =
    [
        -17, -17, -17, -17, -3101, -2738, -2376, -2088, -1873, -1689, -1535, -1399, -1279, -1170, -1072, -982,
        -899, -822, -750, -682, -618, -558, -501, -447, -396, -347, -300, -254, -211, -170, -130, -91,
        3101, 2738, 2376, 2088, 1873, 1689, 1535, 1399, 1279, 1170, 1072, 982, 899, 822, 750, 682,
        618, 558, 501, 447, 396, 347, 300, 254, 211, 170, 130, 91, 54, 17, -54, -17,
    ];

    /// <summary>
    /// Lower band, 4-bit inverse quantiser (INVQAL), indexed by the code's top four bits. The
    /// predictor and the scale factor adapt on these coarser values in both encoder and
    /// decoder, which is what lets a decoder drop the low bits (56 and 48 kbit/s modes).
    /// </summary>
    public static readonly int[] LowReconstruction4 =
        [0, -2557, -1612, -1121, -786, -530, -323, -150, 2557, 1612, 1121, 786, 530, 323, 150, 0];

    /// <summary>Lower band log scale-factor step (LOGSCL, W_L), indexed by the 4-bit code.</summary>
    public static readonly int[] LowLogSteps =
        [-60, 3042, 1198, 538, 334, 172, 58, -30, 3042, 1198, 538, 334, 172, 58, -30, -60];

    /// <summary>Higher band, 2-bit quantiser (QUANTH): the one decision level between the inner and outer intervals.</summary>
    public const int HighDecisionLevel = 564;

    /// <summary>Higher band inverse quantiser (INVQAH), indexed by the 2-bit code: 0/1 negative outer/inner, 2/3 positive outer/inner.</summary>
    public static readonly int[] HighReconstruction = [-926, -202, 926, 202];

    /// <summary>Higher band log scale-factor step (LOGSCH, W_H), indexed by the 2-bit code.</summary>
    public static readonly int[] HighLogSteps = [798, -214, 798, -214];

    /// <summary>
    /// Inverse logarithm (SCALEL/SCALEH): 2^(i/32) scaled by 2^11 and rounded. The scale factor
    /// is kept as a base-2 logarithm with 32 steps per octave; this table turns its fractional
    /// part back into a linear value.
    /// </summary>
    public static readonly int[] InverseLog =
    [
        2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
        2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008,
    ];
}
