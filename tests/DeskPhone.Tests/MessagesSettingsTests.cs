
namespace DeskPhone.Tests;

public sealed class MessagesSettingsTests
{
    [Fact]
    public void Load_WithoutAMessagesSection_KeepsTenThousandMessagesOfUpTo4KiB()
    {
        var (settings, _) = MinimalSettings.Load();

        Assert.Equal((10_000, 4096), (settings!.Messages.MaxStoredMessages, settings.Messages.MaxTextBytes));
    }

    [Fact]
    public void Load_MessagesSection_IsBound()
    {
        var (settings, errors) = MinimalSettings.Load(("Messages:MaxStoredMessages", "500"), ("Messages:MaxTextBytes", "1024"));

        Assert.Empty(errors);
        Assert.Equal((500, 1024), (settings!.Messages.MaxStoredMessages, settings.Messages.MaxTextBytes));
    }

    [Theory]
    [InlineData("Messages:MaxStoredMessages", "10", "Messages:MaxStoredMessages")]
    [InlineData("Messages:MaxTextBytes", "1000000", "Messages:MaxTextBytes")]
    [InlineData("Messages:MaxMessages", "5", "Messages:MaxMessages: unknown configuration key")]
    public void Load_BadMessagesKey_FailsNamingIt(string key, string value, string named)
    {
        var (settings, errors) = MinimalSettings.Load((key, value));

        Assert.Null(settings);
        Assert.Contains(errors, error => error.StartsWith(named, StringComparison.Ordinal));
    }
}
