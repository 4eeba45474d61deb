namespace DeskPhone.Hal;

/// <summary>Facts about keys that every layer agrees on.</summary>
public static class PhoneKeys
{
    /// <summary>The dial-string character of a dialling key ('0'–'9', '*', '#'), or null.</summary>
    public static char? DialChar(this PhoneKey key) => key switch
    {
        >= PhoneKey.Digit0 and <= PhoneKey.Digit9 => (char)('0' + (key - PhoneKey.Digit0)),
        PhoneKey.Star => '*',
        PhoneKey.Pound => '#',
        _ => null,
    };
}
