using DeskPhone.Configuration;
using Microsoft.Extensions.Configuration;

namespace DeskPhone.Tests;

public sealed class SettingsTests
{
    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["Account:Extension"] = "101",
        ["Account:Password"] = "pw101",
        ["Sip:Registrar"] = "127.0.0.1:5070",
    };

    private static (DeskPhoneSettings? Settings, IReadOnlyList<string> Errors) Load(params (string Key, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>(Valid);
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }

        return DeskPhoneSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
    }

    [Fact]
    public void Load_MinimalConfiguration_UsesDefaultsAndResolvesTheRegistrar()
    {
        var (settings, errors) = Load();

        Assert.Empty(errors);
        Assert.Equal("127.0.0.1:5070", settings!.RegistrarEndPoint.ToString());
        Assert.Equal("127.0.0.1", settings.Domain);
        Assert.Equal(5060, settings.Sip.ListenPort);
        Assert.Equal(TimeSpan.FromSeconds(4), settings.Phone.InterDigitTimeout);
    }

    [Fact]
    public void Load_RegistrarWithoutPort_Uses5060()
    {
        Assert.Equal(5060, Load(("Sip:Registrar", "10.1.2.3")).Settings!.RegistrarEndPoint.Port);
    }

    [Theory]
    [InlineData("Sip:Registar", "x", "Sip:Registar: unknown configuration key")]
    [InlineData("Sip:ListenPort", "99999", "Sip:ListenPort: The field SipOptions.ListenPort must be between 0 and 65535.")]
    [InlineData("Account:Extension", "", "Account:Extension: The AccountOptions.Extension field is required.")]
    [InlineData("Account:Extension", "10 1", "Account:Extension: must be a SIP user name (letters, digits, . _ + -)")]
    [InlineData("Sip:Registrar", "127.0.0.1:http", "Sip:Registrar: bad port in '127.0.0.1:http'")]
    [InlineData("Sip:ListenAddress", "everywhere", "Sip:ListenAddress: not an IP address: 'everywhere'")]
    [InlineData("Rtp:PortMax", "16000", "Rtp:PortMax: must be above Rtp:PortMin (16384), is 16000")]
    [InlineData("Simulator:CaptureSource", "Wav", "Simulator:CaptureWavPath: required when CaptureSource is Wav")]
    [InlineData("Hal:Keyboard", "x", "Hal:Keyboard: unknown configuration key")]
    public void Load_BadKey_FailsWithAMessageNamingIt(string key, string value, string error)
    {
        var (settings, errors) = Load((key, value));

        Assert.Null(settings);
        Assert.Contains(error, errors);
    }

    [Fact]
    public void Load_RaspberryPiWithDefaults_IsValid()
    {
        var (settings, errors) = Load(("Hal:Kind", "RaspberryPi"));

        Assert.Empty(errors);
        Assert.Equal(HardwareKind.RaspberryPi, settings!.Hal.Kind);
    }

    [Fact]
    public void Load_RaspberryPiWithFourRowPins_NamesTheKeyAndTheCounts()
    {
        var (settings, errors) = Load(
            ("Hal:Kind", "RaspberryPi"),
            ("Hal:Keypad:RowPins:0", "4"),
            ("Hal:Keypad:RowPins:1", "5"),
            ("Hal:Keypad:RowPins:2", "6"),
            ("Hal:Keypad:RowPins:3", "13"));

        Assert.Null(settings);
        Assert.Equal(["Hal:Keypad:RowPins: must have 6 entries (one per row of Hal:Keypad:Keys), got 4"], errors);
    }

    [Fact]
    public void Load_RaspberryPiPinMap_ReplacesTheDefaultOne()
    {
        var (settings, errors) = Load(
            ("Hal:Kind", "RaspberryPi"),
            ("Hal:Keypad:RowPins:0", "5"),
            ("Hal:Keypad:RowPins:1", "6"),
            ("Hal:Keypad:ColumnPins:0", "23"),
            ("Hal:Keypad:ColumnPins:1", "24"),
            ("Hal:Keypad:Keys:0", "Digit1 Digit2"),
            ("Hal:Keypad:Keys:1", "Send End"),
            ("Hal:Display:Address", "0x3F"));

        Assert.Empty(errors);
        Assert.Equal([5, 6], settings!.Hal.Keypad.RowPins!);
        Assert.Equal(["Digit1 Digit2", "Send End"], settings.Hal.Keypad.Keys!);
        Assert.Equal("0x3F", settings.Hal.Display.Address);
    }

    [Fact]
    public void Load_SimulatorSelected_DoesNotCheckThePiValues()
    {
        var (settings, errors) = Load(("Hal:Display:Address", "0x50"));

        Assert.Empty(errors);
        Assert.Equal(HardwareKind.Simulator, settings!.Hal.Kind);
    }

    [Fact]
    public void Load_ValueOfTheWrongType_NamesTheSection()
    {
        var (settings, errors) = Load(("Sip:ListenPort", "many"));

        Assert.Null(settings);
        Assert.Contains(errors, e => e.StartsWith("Sip: ", StringComparison.Ordinal) && e.Contains("ListenPort", StringComparison.Ordinal));
    }
}
