using DeskPhone.Hal;
using DeskPhone.Phone.TextEntry;
using Microsoft.Extensions.Time.Testing;

namespace DeskPhone.Phone.Tests.TextEntry;

public sealed class MultiTapEntryTests
{
    private readonly FakeTimeProvider clock = new();
    private readonly MultiTapEntry entry;

    public MultiTapEntryTests() => entry = new MultiTapEntry(clock, TimeSpan.FromSeconds(1), maxLength: 20);

    [Fact]
    public void RepeatedPresses_CycleThroughTheKeysLetters_ThenItsAccentAndDigit()
    {
        Press("2");
        Assert.Equal("A", entry.Text);
        Press("2");
        Assert.Equal("B", entry.Text);
        Press("22");
        Assert.Equal("À", entry.Text);
        Press("2");
        Assert.Equal("2", entry.Text);
        Press("2");
        Assert.Equal("A", entry.Text);
        Assert.Equal(1, entry.Cursor);
    }

    [Theory]
    [InlineData("2222", "à")]
    [InlineData("3333", "è")]
    [InlineData("33333", "é")]
    [InlineData("4444", "ì")]
    [InlineData("6666", "ò")]
    [InlineData("8888", "ù")]
    public void ItalianAccentedVowels_AreOnTheirVowelsKey(string presses, string expected)
    {
        Press("#");
        Press(presses);

        Assert.Equal(TextEntryMode.Lower, entry.Mode);
        Assert.Equal(expected, entry.Text);
    }

    [Fact]
    public void AnotherKey_FixesTheLetter_AtOnce()
    {
        Press("222444");

        Assert.Equal("Ci", entry.Text);
        Assert.True(entry.IsCycling);
    }

    [Fact]
    public void SameKeyAfterTheTimeout_StartsANewLetter()
    {
        Press("#2");
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.True(entry.IsCycling);
        Press("2");
        Assert.Equal("b", entry.Text);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(entry.IsCycling);
        Press("2");

        Assert.Equal("ba", entry.Text);
        Assert.Equal(2, entry.Cursor);
    }

    [Fact]
    public void Commit_LetsTheSameKeyTypeTwoLettersWithoutWaiting()
    {
        Press("#2");
        entry.Commit();
        Press("2");

        Assert.Equal("aa", entry.Text);
    }

    [Fact]
    public void SentenceMode_CapitalisesTheFirstLetterOfEachSentence()
    {
        Press("44");
        clock.Advance(TimeSpan.FromSeconds(1));
        Press("444105");

        Assert.Equal("Hi. J", entry.Text);
        Assert.Equal(TextEntryMode.Sentence, entry.Mode);
    }

    [Fact]
    public void Zero_TypesASpace_One_Punctuation()
    {
        Press("#");
        Press("0");
        clock.Advance(TimeSpan.FromSeconds(1));
        Press("111");

        Assert.Equal(" ?", entry.Text);
    }

    [Fact]
    public void Star_FlipsTheCaseOfTheCyclingLetter_OrElseTheMode()
    {
        Press("#2222*");
        Assert.Equal("À", entry.Text);

        clock.Advance(TimeSpan.FromSeconds(1));
        Press("*");
        Assert.Equal(TextEntryMode.Upper, entry.Mode);
        Press("3");
        Assert.Equal("ÀD", entry.Text);

        clock.Advance(TimeSpan.FromSeconds(1));
        Press("*");
        Assert.Equal(TextEntryMode.Lower, entry.Mode);
    }

    [Fact]
    public void Pound_StepsTheModes_AndDigitModeTypesDigitsAtOnce()
    {
        Assert.Equal(TextEntryMode.Sentence, entry.Mode);
        Press("#");
        Assert.Equal(TextEntryMode.Lower, entry.Mode);
        Press("#");
        Assert.Equal(TextEntryMode.Upper, entry.Mode);
        Press("#");
        Assert.Equal(TextEntryMode.Digits, entry.Mode);

        Press("2210*");

        Assert.Equal("2210*", entry.Text);
        Assert.False(entry.IsCycling);
        Press("#");
        Assert.Equal(TextEntryMode.Sentence, entry.Mode);
    }

    [Fact]
    public void Backspace_AndCursorMoves_EditInTheMiddle()
    {
        Press("#");
        Press("2");
        entry.Commit();
        Press("3");
        entry.MoveCursor(-1);
        Press("8");

        Assert.Equal("atd", entry.Text);
        Assert.Equal(2, entry.Cursor);

        entry.Backspace();
        Assert.Equal("ad", entry.Text);
        entry.MoveCursor(-10);
        entry.Backspace();
        Assert.Equal((0, "ad"), (entry.Cursor, entry.Text));
        entry.MoveCursor(10);
        Assert.Equal(2, entry.Cursor);
    }

    [Fact]
    public void AtMaxLength_NoMoreCharactersGoIn_ButTheLastOneStillCycles()
    {
        var small = new MultiTapEntry(clock, TimeSpan.FromSeconds(1), maxLength: 2);
        foreach (var key in new[] { PhoneKey.Digit2, PhoneKey.Digit3, PhoneKey.Digit3, PhoneKey.Digit4 })
        {
            small.Press(key);
        }

        Assert.Equal("Ae", small.Text);
        Assert.Equal(0, small.Remaining);
    }

    [Fact]
    public void NonTextKeys_AreNotHandled()
    {
        Assert.False(entry.Press(PhoneKey.Send));
        Assert.False(entry.Press(PhoneKey.Up));
    }

    private void Press(string keys)
    {
        foreach (var c in keys)
        {
            Assert.True(DeskPhone.Hal.Simulator.SimulatedKeypad.TryGetDialKey(c, out var key));
            Assert.True(entry.Press(key));
        }
    }
}
