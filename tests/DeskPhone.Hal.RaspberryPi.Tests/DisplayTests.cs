namespace DeskPhone.Hal.RaspberryPi.Tests;

public sealed class DisplayTests
{
    private static readonly string[] Idle = ["Ext 101        09:30", "Registered", "", "Tue 24 Nov 2026"];

    [Fact]
    public void Open_InitialisesTheControllerIn4BitTwoLineMode()
    {
        var rig = new LcdRig();

        Assert.True(rig.Lcd.FourBitMode);
        Assert.True(rig.Lcd.TwoLineMode);
        Assert.True(rig.Lcd.DisplayOn);
        Assert.True(rig.Lcd.Backlight);
        Assert.Empty(rig.Lcd.Faults);
    }

    [Fact]
    public void Show_Text_AppearsOnTheLcdRowByRow()
    {
        var rig = new LcdRig();

        rig.Show(Idle);

        Assert.Equal(["Ext 101        09:30", "Registered          ", "                    ", "Tue 24 Nov 2026     "], rig.Screen());
        Assert.Empty(rig.Lcd.Faults);
    }

    [Fact]
    public void Show_OneCharacterChanged_SendsEightBytes()
    {
        var rig = new LcdRig();
        rig.Show(Idle);
        int commandsBefore = rig.Lcd.Commands.Count;

        int sent = rig.Show("Ext 101        09:31", "Registered", "", "Tue 24 Nov 2026");

        // A DDRAM address command and one data byte, each two nibbles of two bytes (E high, E low).
        Assert.Equal(8, sent);
        Assert.Equal([(byte)(0x80 | 19)], rig.Lcd.Commands.Skip(commandsBefore));
        Assert.Equal("Ext 101        09:31", rig.Lcd.Text(0));
    }

    [Fact]
    public void Show_SameScreenAgain_SendsNothing()
    {
        var rig = new LcdRig();
        rig.Show(Idle);

        Assert.Equal(0, rig.Show(Idle));
    }

    [Fact]
    public void Show_RunOfChangedCells_SendsOneAddressThenTheRun()
    {
        var rig = new LcdRig();
        rig.Show(Idle);

        int sent = rig.Show("Ext 101        09:30", "Registering...", "", "Tue 24 Nov 2026");

        // "Registered" → "Registering...": the six cells from column 8 on.
        Assert.Equal(4 + (6 * 4), sent);
        Assert.Equal("Registering...      ", rig.Lcd.Text(1));
    }

    [Fact]
    public void Show_ChangeOnTheThirdRow_WritesItsCellsOnly()
    {
        var rig = new LcdRig();
        rig.Show(Idle);

        rig.Show("Ext 101        09:30", "Registered", "Calling 200", "Tue 24 Nov 2026");

        Assert.Equal(["Ext 101        09:30", "Registered          ", "Calling 200         ", "Tue 24 Nov 2026     "], rig.Screen());
        Assert.Contains((byte)(0x80 | 0x14), rig.Lcd.Commands);
    }

    [Fact]
    public void Show_Symbols_AreDrawnFromTheFixedGlyphs()
    {
        var rig = new LcdRig();

        rig.Show($"{DisplayGlyphs.Handset} 101", $"{DisplayGlyphs.Registered} Registered", $"{DisplayGlyphs.Envelope} 2", $"{DisplayGlyphs.Hold} On hold");

        Assert.Equal([0, 3, 1, 2], Enumerable.Range(0, 4).Select(row => rig.Lcd.Code(row, 0)));
        Assert.Equal(GlyphBitmaps.For(DisplayGlyphs.Handset).ToArray(), rig.Lcd.Glyph(0));
        Assert.Equal(GlyphBitmaps.For(DisplayGlyphs.Envelope).ToArray(), rig.Lcd.Glyph(1));
        Assert.Equal(GlyphBitmaps.For(DisplayGlyphs.Hold).ToArray(), rig.Lcd.Glyph(2));
        Assert.Equal(GlyphBitmaps.For(DisplayGlyphs.Registered).ToArray(), rig.Lcd.Glyph(3));
        Assert.Equal(" Registered        ", rig.Lcd.Text(1)[1..]);
    }

    [Fact]
    public void Show_ItalianAccentsOnRomA00_AreDrawnInLentGlyphs()
    {
        var rig = new LcdRig(CharacterRom.A00);

        rig.Show("Città: è così", "Perché");

        byte a = rig.Lcd.Code(0, 4);
        byte e = rig.Lcd.Code(0, 7);
        byte i = rig.Lcd.Code(0, 12);
        byte eAcute = rig.Lcd.Code(1, 5);
        Assert.All(new[] { a, e, i, eAcute }, code => Assert.InRange(code, 4, 7));
        Assert.Equal(4, new[] { a, e, i, eAcute }.Distinct().Count());
        Assert.Equal(GlyphBitmaps.For('à').ToArray(), rig.Lcd.Glyph(a));
        Assert.Equal(GlyphBitmaps.For('è').ToArray(), rig.Lcd.Glyph(e));
        Assert.Equal(GlyphBitmaps.For('ì').ToArray(), rig.Lcd.Glyph(i));
        Assert.Equal(GlyphBitmaps.For('é').ToArray(), rig.Lcd.Glyph(eAcute));
        Assert.Equal("Citt\uFFFD: \uFFFD cos\uFFFD       ", rig.Lcd.Text(0));
    }

    [Fact]
    public void Show_MoreAccentsThanLentGlyphs_TransliteratesTheRest()
    {
        var rig = new LcdRig(CharacterRom.A00);

        rig.Show("àèéìòù");

        Assert.All(Enumerable.Range(0, 4), column => Assert.InRange(rig.Lcd.Code(0, column), 4, 7));
        Assert.Equal("ou", rig.Lcd.Text(0)[4..6]);
    }

    [Fact]
    public void Show_AccentLeavesTheScreen_ItsGlyphGoesToTheNewLetter()
    {
        var rig = new LcdRig(CharacterRom.A00);
        rig.Show("àèéì");

        rig.Show("ò");

        byte o = rig.Lcd.Code(0, 0);
        Assert.InRange(o, 4, 7);
        Assert.Equal(GlyphBitmaps.For('ò').ToArray(), rig.Lcd.Glyph(o));
        Assert.Equal(new string(' ', 19), rig.Lcd.Text(0)[1..]);
    }

    [Fact]
    public void Show_AccentsOnRomA02_UseTheRomCodes()
    {
        var rig = new LcdRig(CharacterRom.A02);
        int commandsBefore = rig.Lcd.Commands.Count;

        rig.Show("Città è così");

        Assert.Equal(0xE0, rig.Lcd.Code(0, 4));
        Assert.Equal(0xE8, rig.Lcd.Code(0, 6));
        Assert.Equal(0xEC, rig.Lcd.Code(0, 11));
        Assert.DoesNotContain(rig.Lcd.Commands.Skip(commandsBefore), command => (command & 0xC0) == 0x40);
    }

    [Fact]
    public void Show_CharactersTheLcdLacks_AreTransliterated()
    {
        var rig = new LcdRig(CharacterRom.A00);

        rig.Show("Zürich – 5€ ✗ a\\b");

        Assert.Equal(0xF5, rig.Lcd.Code(0, 1));
        Assert.Equal("Z\uFFFDrich - 5E ? a/b   ", rig.Lcd.Text(0));
    }

    [Fact]
    public void Show_LongerThanARow_IsCutAtTwentyColumns()
    {
        var rig = new LcdRig();

        rig.Show("123456789012345678901234", "next");

        Assert.Equal("12345678901234567890", rig.Lcd.Text(0));
        Assert.Equal("next                ", rig.Lcd.Text(1));
    }

    [Fact]
    public void SetBacklight_Off_ClearsTheBacklightBit()
    {
        var rig = new LcdRig();

        rig.Display.SetBacklight(false);
        rig.Sync();

        Assert.False(rig.Lcd.Backlight);
        rig.Show(Idle);
        Assert.False(rig.Lcd.Backlight);
    }

    [Fact]
    public void Show_AfterTheBusFailed_ReinitialisesAndRedrawsTheWholeScreen()
    {
        var rig = new LcdRig();
        rig.Show(Idle);
        rig.Bus.FailNextWrite = new IOException("Remote I/O error");

        rig.Show("Ext 101        09:31", "Registered", "", "Tue 24 Nov 2026");
        rig.Show("Ext 101        09:32", "Registered", "", "Tue 24 Nov 2026");

        Assert.Equal(["Ext 101        09:32", "Registered          ", "                    ", "Tue 24 Nov 2026     "], rig.Screen());
        Assert.Empty(rig.Lcd.Faults);
    }

    [Fact]
    public void Dispose_BlanksTheScreenAndSwitchesTheBacklightOff()
    {
        var rig = new LcdRig();
        rig.Show(Idle);

        rig.Display.Dispose();
        rig.Sync();

        Assert.All(rig.Screen(), row => Assert.Equal(new string(' ', 20), row));
        Assert.False(rig.Lcd.Backlight);
        Assert.True(rig.Bus.Disposed);
    }
}
