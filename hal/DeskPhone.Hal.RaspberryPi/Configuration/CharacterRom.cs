namespace DeskPhone.Hal.RaspberryPi;

/// <summary>
/// The character generator ROM of the HD44780 on the module (HD44780U datasheet, table 4).
/// Most 2004 modules have A00; A02 ones are sold as "European font".
/// </summary>
public enum CharacterRom
{
    /// <summary>ASCII plus Japanese katakana; few accented letters.</summary>
    A00,

    /// <summary>ASCII plus the ISO 8859-1 letters, including every Italian accented letter.</summary>
    A02,
}
