
namespace DeskPhone.Tests;

public sealed class AudioSettingsTests
{
    [Fact]
    public void Load_WithoutAnAudioSection_MixesSidetoneAtMinus18Db()
    {
        var (settings, errors) = MinimalSettings.Load();

        Assert.Empty(errors);
        Assert.Equal(-18, settings!.Audio.SidetoneDb);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("-30.5", -30.5)]
    [InlineData("-6", -6)]
    public void Load_SidetoneOffOrInRange_IsRead(string value, double expected)
    {
        var (settings, errors) = MinimalSettings.Load(("Audio:SidetoneDb", value));

        Assert.Empty(errors);
        Assert.Equal(expected, settings!.Audio.SidetoneDb);
    }

    [Theory]
    [InlineData("-3")]
    [InlineData("6")]
    [InlineData("-61")]
    public void Load_SidetoneOutOfRange_FailsNamingTheKey(string value)
    {
        var (settings, errors) = MinimalSettings.Load(("Audio:SidetoneDb", value));

        Assert.Null(settings);
        Assert.Equal([$"Audio:SidetoneDb: must be 0 (off) or -60 to -6 dB, is {value}"], errors);
    }

    [Fact]
    public void Load_UnknownAudioKey_FailsNamingIt()
    {
        var (settings, errors) = MinimalSettings.Load(("Audio:Sidetone", "-18"));

        Assert.Null(settings);
        Assert.Equal(["Audio:Sidetone: unknown configuration key"], errors);
    }
}
