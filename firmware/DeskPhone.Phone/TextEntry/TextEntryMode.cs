namespace DeskPhone.Phone.TextEntry;

/// <summary>What the letter keys type; <c>#</c> steps through them in this order.</summary>
public enum TextEntryMode
{
    /// <summary>"Abc": a capital at the start of each sentence, small letters elsewhere.</summary>
    Sentence,

    /// <summary>"abc".</summary>
    Lower,

    /// <summary>"ABC".</summary>
    Upper,

    /// <summary>"123": each key types its digit at once.</summary>
    Digits,
}

public static class TextEntryModes
{
    /// <summary>How the LCD names the mode.</summary>
    public static string Label(this TextEntryMode mode) => mode switch
    {
        TextEntryMode.Sentence => "Abc",
        TextEntryMode.Lower => "abc",
        TextEntryMode.Upper => "ABC",
        _ => "123",
    };
}
