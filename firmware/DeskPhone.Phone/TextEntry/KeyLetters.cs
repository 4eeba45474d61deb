using DeskPhone.Hal;

namespace DeskPhone.Phone.TextEntry;

/// <summary>
/// The characters behind each key, in the order repeated presses reach them: the ITU-T E.161
/// letter groups, the Italian accented vowels after the letters of their key, then the digit.
/// </summary>
internal static class KeyLetters
{
    private const string Punctuation = ".,?!'\"-()@/:;+&%*#1";

    /// <summary>Small letters (the case is applied when typing), or null for a key that types nothing.</summary>
    public static string? For(PhoneKey key) => key switch
    {
        PhoneKey.Digit1 => Punctuation,
        PhoneKey.Digit2 => "abcà2",
        PhoneKey.Digit3 => "defèé3",
        PhoneKey.Digit4 => "ghiì4",
        PhoneKey.Digit5 => "jkl5",
        PhoneKey.Digit6 => "mnoò6",
        PhoneKey.Digit7 => "pqrs7",
        PhoneKey.Digit8 => "tuvù8",
        PhoneKey.Digit9 => "wxyz9",
        PhoneKey.Digit0 => " 0",
        _ => null,
    };
}
