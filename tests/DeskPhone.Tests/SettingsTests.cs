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
        Assert.Equal("127.0.0.1:5070", settings!.Registrar.ToString());
        Assert.Null(settings.OutboundProxy);
        Assert.Empty(settings.DnsServers);
        Assert.Equal(500, settings.Sip.TimerT1Milliseconds);
        Assert.Equal("127.0.0.1", settings.Domain);
        Assert.Equal(5060, settings.Sip.ListenPort);
        Assert.Equal(TimeSpan.FromSeconds(4), settings.Phone.InterDigitTimeout);
    }

    [Fact]
    public void Load_RegistrarWithoutPort_LeavesThePortToTheLookUp()
    {
        var registrar = Load(("Sip:Registrar", "10.1.2.3")).Settings!.Registrar;

        Assert.Null(registrar.Port);
        Assert.Equal(System.Net.IPAddress.Parse("10.1.2.3"), registrar.Literal);
    }

    [Fact]
    public void Load_RegistrarByName_IsNotLookedUpAtStart_AndGivesTheDomain()
    {
        // A name no DNS knows: start-up must not ask (RFC 3263 look-ups happen off the signalling loop later).
        var (settings, errors) = Load(("Sip:Registrar", "pbx.deskphone.invalid"));

        Assert.Empty(errors);
        Assert.Equal("pbx.deskphone.invalid", settings!.Registrar.Host);
        Assert.Null(settings.Registrar.Literal);
        Assert.Equal("pbx.deskphone.invalid", settings.Domain);
    }

    [Fact]
    public void Load_OutboundProxyAndDnsServers_AreRead()
    {
        var (settings, errors) = Load(
            ("Sip:OutboundProxy", "proxy.example.com:5080"),
            ("Sip:DnsServers:0", "127.0.0.1:5353"),
            ("Sip:DnsServers:1", "10.0.0.53"),
            ("Sip:TimerT1Milliseconds", "100"),
            ("Sip:RegisterExpires", "10"));

        Assert.Empty(errors);
        Assert.Equal("proxy.example.com:5080", settings!.OutboundProxy!.ToString());
        Assert.Equal(["127.0.0.1:5353", "10.0.0.53:53"], settings.DnsServers.Select(s => s.ToString()));
        Assert.Equal(100, settings.Sip.TimerT1Milliseconds);
        Assert.Equal(10, settings.Sip.RegisterExpires);
    }

    [Theory]
    [InlineData("Sip:Registar", "x", "Sip:Registar: unknown configuration key")]
    [InlineData("Sip:ListenPort", "99999", "Sip:ListenPort: The field SipOptions.ListenPort must be between 0 and 65535.")]
    [InlineData("Account:Extension", "", "Account:Extension: The AccountOptions.Extension field is required.")]
    [InlineData("Account:Extension", "10 1", "Account:Extension: must be a SIP user name (letters, digits, . _ + -)")]
    [InlineData("Sip:Registrar", "127.0.0.1:http", "Sip:Registrar: bad port in '127.0.0.1:http'")]
    [InlineData("Sip:Registrar", "pbx example.com", "Sip:Registrar: not a host name or IP address: 'pbx example.com'")]
    [InlineData("Sip:OutboundProxy", "proxy:99999", "Sip:OutboundProxy: bad port in 'proxy:99999'")]
    [InlineData("Sip:DnsServers:0", "dns.example.com", "Sip:DnsServers: not an IP address with an optional port: 'dns.example.com'")]
    [InlineData("Sip:TimerT1Milliseconds", "10", "Sip:TimerT1Milliseconds: The field SipOptions.TimerT1Milliseconds must be between 50 and 5000.")]
    [InlineData("Sip:RegisterExpires", "5", "Sip:RegisterExpires: The field SipOptions.RegisterExpires must be between 10 and 86400.")]
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
