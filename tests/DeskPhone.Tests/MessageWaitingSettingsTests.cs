
namespace DeskPhone.Tests;

/// <summary>Sip:MessageWaiting, Sip:MailboxUri, Sip:MessageWaitingExpires: the voicemail subscription (RFC 3842).</summary>
public sealed class MessageWaitingSettingsTests
{
    [Fact]
    public void Load_WithoutThem_SubscribesToTheOwnAddressForAnHour()
    {
        var (settings, errors) = MinimalSettings.Load();

        Assert.Empty(errors);
        Assert.True(settings!.Sip.MessageWaiting);
        Assert.Null(settings.Sip.MailboxUri);
        Assert.Equal(3600, settings.Sip.MessageWaitingExpires);
    }

    [Fact]
    public void Load_AMailboxAndAnotherLifetime_AreTaken()
    {
        var (settings, errors) = MinimalSettings.Load(("Sip:MailboxUri", "sip:*97@pbx.example"), ("Sip:MessageWaitingExpires", "600"), ("Sip:MessageWaiting", "false"));

        Assert.Empty(errors);
        Assert.Equal("sip:*97@pbx.example", settings!.Sip.MailboxUri);
        Assert.Equal(600, settings.Sip.MessageWaitingExpires);
        Assert.False(settings.Sip.MessageWaiting);
    }

    [Fact]
    public void Load_AMailboxThatIsNoSipUri_FailsNamingTheKey()
    {
        var (settings, errors) = MinimalSettings.Load(("Sip:MailboxUri", "tel:+390612345"));

        Assert.Null(settings);
        Assert.Equal(["Sip:MailboxUri: must be a sip: or sips: URI, is 'tel:+390612345'"], errors);
    }

    [Theory]
    [InlineData("59")]
    [InlineData("86401")]
    public void Load_ALifetimeOutOfRange_FailsNamingTheKey(string value)
    {
        var (settings, errors) = MinimalSettings.Load(("Sip:MessageWaitingExpires", value));

        Assert.Null(settings);
        Assert.Single(errors, error => error.StartsWith("Sip:MessageWaitingExpires", StringComparison.Ordinal));
    }
}
