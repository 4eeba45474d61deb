using DeskPhone.Hal;
using DeskPhone.Media.Dtmf;

namespace DeskPhone.Media.Tones;

/// <summary>
/// DTMF signals (ITU-T Q.23: a low-group and a high-group frequency per key) and the short
/// keypad feedback the earpiece plays when a key is pressed.
/// </summary>
internal static class KeyTones
{
    // Q.23 frequencies; the rows and columns of the 4×4 keypad.
    private static readonly double[] LowGroup = [697, 770, 852, 941];
    private static readonly double[] HighGroup = [1209, 1336, 1477, 1633];
    private const string Layout = "123A456B789C*0#D";

    // In-band DTMF: the high group 2 dB above the low group ("twist"), both comfortably above
    // the lowest levels DTMF receivers must accept (ITU-T Q.24).
    private const double InBandLowDbm0 = -8;
    private const double InBandHighDbm0 = -6;

    // Keypad feedback: quiet, and short enough not to mask the next key.
    private const double FeedbackDbm0 = -22;
    private const int FeedbackMilliseconds = 60;

    private static readonly ToneSpec[] Feedback =
        [.. Layout.Select(key => Dtmf(key, FeedbackDbm0, FeedbackDbm0, [FeedbackMilliseconds]))];

    // The far end's keys: the in-band pair about 10 dB below in-band DTMF, loud enough to be
    // heard as a key over speech without startling the listener, as long as a short key press.
    private const double RemoteLowDbm0 = -18;
    private const double RemoteHighDbm0 = -16;
    private const int RemoteMilliseconds = 100;

    private static readonly ToneSpec[] Remote =
        [.. Enumerable.Range(0, 16).Select(code => Dtmf(DtmfEvents.ToDigit((byte)code), RemoteLowDbm0, RemoteHighDbm0, [RemoteMilliseconds]))];

    // Keys that dial nothing (navigation, soft keys…) click with a single 1400 Hz beep.
    private static readonly ToneSpec OtherKeyFeedback = new(1400, 0, FeedbackDbm0, FeedbackDbm0, [FeedbackMilliseconds / 2], repeats: false);

    /// <summary>
    /// The in-band DTMF signals of the 16 keys, indexed by RFC 4733 event code (0-9, *, #, A-D),
    /// each one burst of <paramref name="milliseconds"/> that fades out at its end.
    /// </summary>
    public static ToneSpec[] InBandDtmf(int milliseconds) =>
        [.. Enumerable.Range(0, 16).Select(code => Dtmf(DtmfEvents.ToDigit((byte)code), InBandLowDbm0, InBandHighDbm0, [milliseconds]))];

    /// <summary>The feedback burst for a pressed key. REAL-TIME: no allocation, no lock, no logging.</summary>
    public static ToneSpec FeedbackFor(PhoneKey key) =>
        key.DialChar() is char dial ? Feedback[IndexOf(dial)] : OtherKeyFeedback;

    /// <summary>A key the far end pressed, by RFC 4733 event code (0-15). REAL-TIME: no allocation, no lock, no logging.</summary>
    public static ToneSpec RemoteDigit(int eventCode) => Remote[eventCode];

    /// <summary>The Q.23 frequency pair of a key, low group first.</summary>
    private static (double Low, double High) Frequencies(char key)
    {
        int index = IndexOf(key);
        return (LowGroup[index / 4], HighGroup[index % 4]);
    }

    private static int IndexOf(char key)
    {
        int index = Layout.IndexOf(char.ToUpperInvariant(key));
        return index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(key), key, "Not a DTMF key.");
    }

    private static ToneSpec Dtmf(char key, double lowDbm0, double highDbm0, int[] cadence)
    {
        (double low, double high) = Frequencies(key);
        return new ToneSpec(low, high, lowDbm0, highDbm0, cadence, repeats: false);
    }
}
