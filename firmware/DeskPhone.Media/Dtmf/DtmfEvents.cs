namespace DeskPhone.Media.Dtmf;

/// <summary>The DTMF named events of RFC 4733 §3.2 (table 3): 0-9, * (10), # (11), A-D (12-15).</summary>
internal static class DtmfEvents
{
    private const string Digits = "0123456789*#ABCD";

    /// <summary>The event code of a DTMF key; A-D in either case.</summary>
    public static bool TryGetEvent(char digit, out byte eventCode)
    {
        int index = Digits.IndexOf(char.ToUpperInvariant(digit));
        eventCode = (byte)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>Whether an event code is a DTMF key (the other events of RFC 4733 are not).</summary>
    public static bool IsDtmf(byte eventCode) => eventCode < Digits.Length;

    /// <summary>The key of a DTMF event code ('0'-'9', '*', '#', 'A'-'D').</summary>
    public static char ToDigit(byte eventCode) => Digits[eventCode];
}
