namespace DeskPhone.Hal.RaspberryPi;

/// <summary>
/// Which HD44780 ROM code shows a Unicode character, per the character tables of the HD44780U
/// datasheet (table 4: ROM codes A00 and A02), and what to show instead when none does.
/// </summary>
internal static class LcdCharset
{
    // Latin-1 letters with diacritics, and the plain letter each is written as when the ROM has
    // no code for it and no custom glyph is free.
    private const string Accented = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüýÿ";
    private const string Plain = "AAAAAACEEEEIIIINOOOOOOUUUUYaaaaaaceeeeiiiinoooooouuuuyy";

    /// <summary>The ROM code that shows <paramref name="c"/>, if the ROM has one.</summary>
    public static bool TryRom(char c, CharacterRom rom, out byte code)
    {
        code = 0;
        if (rom == CharacterRom.A00)
        {
            // A00 puts the yen sign at 0x5C and arrows at 0x7E/0x7F instead of '\' and '~'.
            if (c is >= ' ' and <= '}' and not '\\')
            {
                code = (byte)c;
                return true;
            }

            code = c switch
            {
                'ä' => 0xE1,
                'ñ' => 0xEE,
                'ö' => 0xEF,
                'ü' => 0xF5,
                '°' => 0xDF,
                '¥' => 0x5C,
                '→' => 0x7E,
                '←' => 0x7F,
                _ => 0,
            };
            return code != 0;
        }

        // A02's upper half follows ISO 8859-1 from 0xC0 (the accented letters) on.
        if (c is (>= ' ' and <= '~') or (>= 'À' and <= 'ÿ' and not '×' and not '÷'))
        {
            code = (byte)c;
            return true;
        }

        return false;
    }

    /// <summary>
    /// A stand-in that every ROM has: the plain letter for an accented one, ASCII for typographic
    /// punctuation, '?' for anything else.
    /// </summary>
    public static char Transliterate(char c)
    {
        int accented = Accented.IndexOf(c);
        if (accented >= 0)
        {
            return Plain[accented];
        }

        return c switch
        {
            '‘' or '’' => '\'',
            '“' or '”' or '«' or '»' => '"',
            '–' or '—' or '~' => '-',
            '\\' => '/',
            '€' => 'E',
            '…' => '.',
            '\u00A0' => ' ',
            _ => '?',
        };
    }
}
