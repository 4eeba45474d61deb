namespace DeskPhone.Hal.RaspberryPi;

/// <summary>
/// Our 5×8 drawings for the HD44780's character generator RAM: one byte per pixel row, top
/// first, bits 4–0 left to right (HD44780U datasheet, "Relationship between CGRAM addresses,
/// character codes and character patterns"). The eighth row is left blank where the underline
/// cursor would be.
/// </summary>
internal static class GlyphBitmaps
{
    /// <summary>The symbols that always hold CGRAM slots 0–3, in slot order.</summary>
    public static ReadOnlySpan<char> FixedSymbols => [DisplayGlyphs.Handset, DisplayGlyphs.Envelope, DisplayGlyphs.Hold, DisplayGlyphs.Registered];

    /// <summary>The pattern of <paramref name="c"/>, or an empty span when we have no drawing of it.</summary>
    public static ReadOnlySpan<byte> For(char c) => c switch
    {
        DisplayGlyphs.Handset => [0b01110, 0b11111, 0b11011, 0b00100, 0b01110, 0b11111, 0b11111, 0b00000],
        DisplayGlyphs.Envelope => [0b00000, 0b11111, 0b11011, 0b10101, 0b10001, 0b11111, 0b00000, 0b00000],
        DisplayGlyphs.Hold => [0b00000, 0b11011, 0b11011, 0b11011, 0b11011, 0b11011, 0b00000, 0b00000],
        DisplayGlyphs.Registered => [0b00000, 0b00001, 0b00011, 0b10110, 0b11100, 0b01000, 0b00000, 0b00000],

        // The Italian accented letters that ROM A00 lacks.
        'à' => [0b01000, 0b00100, 0b01110, 0b00001, 0b01111, 0b10001, 0b01111, 0b00000],
        'è' => [0b01000, 0b00100, 0b01110, 0b10001, 0b11111, 0b10000, 0b01110, 0b00000],
        'é' => [0b00010, 0b00100, 0b01110, 0b10001, 0b11111, 0b10000, 0b01110, 0b00000],
        'ì' => [0b01000, 0b00100, 0b00000, 0b01100, 0b00100, 0b00100, 0b01110, 0b00000],
        'ò' => [0b01000, 0b00100, 0b01110, 0b10001, 0b10001, 0b10001, 0b01110, 0b00000],
        'ù' => [0b01000, 0b00100, 0b10001, 0b10001, 0b10001, 0b10011, 0b01101, 0b00000],
        'È' => [0b01000, 0b00100, 0b11111, 0b10000, 0b11110, 0b10000, 0b11111, 0b00000],
        _ => [],
    };
}
