using DeskPhone.Hal.Simulator;

namespace DeskPhone.Hal.Simulator.Tests;

public sealed class TerminalKeyMapTests
{
    [Fact]
    public void EveryBinding_NamesExactlyOnePcKey()
    {
        Assert.All(TerminalKeyMap.Bindings, b => Assert.True(b.Char.HasValue ^ b.ConsoleKey.HasValue, b.Label));
    }

    [Fact]
    public void NoPcKey_IsBoundTwice()
    {
        Assert.Equal(TerminalKeyMap.Bindings.Count, TerminalKeyMap.Bindings.Where(b => b.Char.HasValue).Select(b => b.Char).Distinct().Count()
            + TerminalKeyMap.Bindings.Where(b => b.ConsoleKey.HasValue).Select(b => b.ConsoleKey).Distinct().Count());
        Assert.Equal(TerminalKeyMap.Bindings.Count, TerminalKeyMap.Bindings.Select(b => b.Label).Distinct().Count());
    }

    [Fact]
    public void CharacterBindings_ArePrintableLowerCase_SoTheyCannotShadowNonPrintingKeys()
    {
        Assert.All(
            TerminalKeyMap.Bindings.Where(b => b.Char.HasValue),
            b =>
            {
                Assert.False(char.IsControl(b.Char!.Value), b.Label);
                Assert.Equal(char.ToLowerInvariant(b.Char.Value), b.Char.Value);
            });
    }

    [Fact]
    public void EveryPhoneKey_IsBoundOnce_AndOneKeyTogglesTheHook()
    {
        foreach (PhoneKey key in Enum.GetValues<PhoneKey>())
        {
            Assert.Single(TerminalKeyMap.Bindings, b => b.Key == key);
        }

        Assert.Single(TerminalKeyMap.Bindings, b => b.TogglesHook);
    }

    [Theory]
    [InlineData('5', ConsoleKey.D5, PhoneKey.Digit5)]
    [InlineData('#', ConsoleKey.D3, PhoneKey.Pound)]
    [InlineData('H', ConsoleKey.H, PhoneKey.Hold)]
    [InlineData('\r', ConsoleKey.Enter, PhoneKey.Send)]
    [InlineData('\u001b', ConsoleKey.Escape, PhoneKey.End)]
    [InlineData('\u007f', ConsoleKey.Backspace, PhoneKey.Back)]
    [InlineData('\0', ConsoleKey.F3, PhoneKey.Soft3)]
    [InlineData('+', ConsoleKey.OemPlus, PhoneKey.VolumeUp)]
    public void Find_MapsConsoleKeysToPhoneKeys(char typed, ConsoleKey consoleKey, PhoneKey expected)
    {
        TerminalKeyBinding? binding = TerminalKeyMap.Find(new ConsoleKeyInfo(typed, consoleKey, shift: false, alt: false, control: false));

        Assert.Equal(expected, binding?.Key);
    }

    [Fact]
    public void Find_Space_TogglesTheHook_AndUnboundKeysFindNothing()
    {
        Assert.True(TerminalKeyMap.Find(new ConsoleKeyInfo(' ', ConsoleKey.Spacebar, false, false, false))!.TogglesHook);
        Assert.Null(TerminalKeyMap.Find(new ConsoleKeyInfo('x', ConsoleKey.X, false, false, false)));
    }

    [Fact]
    public void KeysMd_ListsEveryBinding()
    {
        string doc = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "KEYS.md"));

        Assert.All(TerminalKeyMap.Bindings, b => Assert.Contains($"| `{b.Label}` | {b.Meaning} |", doc));
    }

    [Fact]
    public void Legend_FitsTheWidth_AndMentionsEveryNonDialBinding()
    {
        string[] legend = TerminalRenderer.Legend(60).ToArray();

        Assert.All(legend, line => Assert.True(line.Length <= 60, line));
        string all = string.Join(' ', legend);
        Assert.All(
            TerminalKeyMap.Bindings.Where(b => b.Key?.DialChar() is null),
            b => Assert.Contains($"{b.Label}={b.Meaning}", all));
    }
}
