namespace DeskPhone.Tests;

/// <summary>
/// The audio device's sample rate, simulated or on the Pi: 8000, 16000, or 48000 (a USB handset
/// or I2S codec, converted by the media engine); any other rate stops start-up naming the key,
/// rather than failing later when the media engine is built.
/// </summary>
public sealed class DeviceRateSettingsTests
{
    [Theory]
    [InlineData("8000")]
    [InlineData("16000")]
    [InlineData("48000")]
    public void Load_SimulatorAtAMediaEngineRate_IsRead(string rate)
    {
        var (settings, errors) = MinimalSettings.Load(("Simulator:SampleRate", rate));

        Assert.Empty(errors);
        Assert.Equal(int.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), settings!.Simulator.SampleRate);
    }

    [Theory]
    [InlineData("44100")]
    [InlineData("32000")]
    [InlineData("11025")]
    public void Load_SimulatorAtAnotherRate_FailsNamingTheKey(string rate)
    {
        var (settings, errors) = MinimalSettings.Load(("Simulator:SampleRate", rate));

        Assert.Null(settings);
        Assert.Contains($"Simulator:SampleRate: must be 8000, 16000 or 48000 (the media engine's device rates), is {rate}", errors);
    }

    [Fact]
    public void Load_RaspberryPiAt48000_IsRead()
    {
        var (settings, errors) = MinimalSettings.Load(("Hal:Kind", "RaspberryPi"), ("Hal:Audio:SampleRate", "48000"));

        Assert.Empty(errors);
        Assert.Equal(48000, settings!.Hal.Audio.SampleRate);
    }

    [Theory]
    [InlineData("44100")]
    [InlineData("32000")]
    public void Load_RaspberryPiAtAnotherRate_FailsNamingTheKey(string rate)
    {
        var (settings, errors) = MinimalSettings.Load(("Hal:Kind", "RaspberryPi"), ("Hal:Audio:SampleRate", rate));

        Assert.Null(settings);
        Assert.Equal([$"Hal:Audio:SampleRate: must be 8000, 16000 or 48000 (the media engine's device rates), is {rate}"], errors);
    }
}
