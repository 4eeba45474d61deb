namespace DeskPhone.Hal.RaspberryPi;

/// <summary>
/// The symbols the LCD draws from its custom glyphs. Screens put these characters in their text;
/// the Pi display shows them as 5×8 glyphs, and a terminal shows the characters themselves.
/// </summary>
public static class DisplayGlyphs
{
    /// <summary>A handset: off hook, in a call.</summary>
    public const char Handset = '\u260E';

    /// <summary>An envelope: messages waiting.</summary>
    public const char Envelope = '\u2709';

    /// <summary>Two bars: a call on hold.</summary>
    public const char Hold = '\u23F8';

    /// <summary>A tick: registered to the PBX.</summary>
    public const char Registered = '\u2713';
}
