using DeskPhone.Hal.Simulator;

namespace DeskPhone.Hal.Simulator.Tests;

public sealed class ScriptSyntaxTests
{
    [Theory]
    [InlineData("send", PhoneKey.Send)]
    [InlineData("Soft1", PhoneKey.Soft1)]
    [InlineData("VOLUMEUP", PhoneKey.VolumeUp)]
    [InlineData("7", PhoneKey.Digit7)]
    [InlineData("#", PhoneKey.Pound)]
    public void TryParseKey_AcceptsNamesInAnyCaseAndDialCharacters(string text, PhoneKey expected)
    {
        Assert.True(ScriptSyntax.TryParseKey(text, out PhoneKey key));
        Assert.Equal(expected, key);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("Launch")]
    [InlineData("")]
    public void TryParseKey_RejectsNumbersThatAreNotDialCharactersAndUnknownNames(string text)
    {
        Assert.False(ScriptSyntax.TryParseKey(text, out _));
    }

    [Theory]
    [InlineData("Ready", "Ready", 10)]
    [InlineData("Call ended", "Call ended", 10)]
    [InlineData("Connected 2.5", "Connected", 2.5)]
    [InlineData("200", "200", 10)]
    [InlineData("\"Call 200\" 3", "Call 200", 3)]
    [InlineData("\"Call 200\"", "Call 200", 10)]
    public void TryParseWait_SplitsTextAndSeconds(string arguments, string text, double seconds)
    {
        Assert.True(ScriptSyntax.TryParseWait(arguments, out string parsedText, out TimeSpan timeout, out string error), error);
        Assert.Equal(text, parsedText);
        Assert.Equal(TimeSpan.FromSeconds(seconds), timeout);
    }

    [Theory]
    [InlineData("", "TEXT is missing")]
    [InlineData("\"open", "missing closing quote")]
    [InlineData("\"x\" soon", "'soon' is not a number")]
    [InlineData("x -1", "'-1' is not a number")]
    public void TryParseWait_ExplainsBadArguments(string arguments, string expected)
    {
        Assert.False(ScriptSyntax.TryParseWait(arguments, out _, out _, out string error));
        Assert.Contains(expected, error);
    }
}
