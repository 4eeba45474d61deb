using System.Text;
using DeskPhone.Configuration;
using DeskPhone.Media;
using Microsoft.Extensions.Configuration;

namespace DeskPhone.Tests;

public sealed class CodecSettingsTests
{
    private static (DeskPhoneSettings? Settings, IReadOnlyList<string> Errors) Load(params string?[] codecs) =>
        MinimalSettings.Load([.. codecs.Select((codec, i) => ($"Rtp:Codecs:{i}", codec))]);

    private static (DeskPhoneSettings? Settings, IReadOnlyList<string> Errors) LoadJson(string rtpSection)
    {
        var json = $$"""
            {
              "Account": { "Extension": "101", "Password": "pw101" },
              "Sip": { "Registrar": "127.0.0.1:5070" },
              "Rtp": {{rtpSection}}
            }
            """;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return DeskPhoneSettings.Load(new ConfigurationBuilder().AddJsonStream(stream).Build());
    }

    [Fact]
    public void Load_WithoutCodecs_OffersG722ThenPcmuThenPcma()
    {
        var (settings, errors) = Load();

        Assert.Empty(errors);
        Assert.Null(settings!.Rtp.Codecs);
        Assert.Equal([AudioCodec.G722, AudioCodec.Pcmu, AudioCodec.Pcma], settings.Rtp.EffectiveCodecs);
    }

    [Fact]
    public void Load_ConfiguredList_ReplacesTheDefaultInItsOrder_IgnoringCase()
    {
        var (settings, errors) = Load("opus", "PCMA", " g722 ");

        Assert.Empty(errors);
        Assert.Equal([AudioCodec.Opus, AudioCodec.Pcma, AudioCodec.G722], settings!.Rtp.EffectiveCodecs);
    }

    [Fact]
    public void Load_JsonList_IsRead()
    {
        var (settings, errors) = LoadJson("""{ "Codecs": [ "PCMU", "Opus" ] }""");

        Assert.Empty(errors);
        Assert.Equal([AudioCodec.Pcmu, AudioCodec.Opus], settings!.Rtp.EffectiveCodecs);
    }

    [Fact]
    public void Load_UnknownCodec_NamesTheKeyTheValueAndTheKnownCodecs()
    {
        var (settings, errors) = Load("PCMU", "G729");

        Assert.Null(settings);
        Assert.Equal(["Rtp:Codecs: unknown codec 'G729' (known: PCMU, PCMA, G722, Opus)"], errors);
    }

    [Fact]
    public void Load_CodecListedTwice_NamesTheKeyAndTheCodec()
    {
        var (settings, errors) = Load("PCMU", "G722", "pcmu");

        Assert.Null(settings);
        Assert.Equal(["Rtp:Codecs: PCMU is listed more than once"], errors);
    }

    [Fact]
    public void Load_EmptyJsonList_FailsNamingTheKey()
    {
        var (settings, errors) = LoadJson("""{ "Codecs": [] }""");

        Assert.Null(settings);
        Assert.Equal(["Rtp:Codecs: must list at least one codec (PCMU, PCMA, G722, Opus)"], errors);
    }

    [Fact]
    public void Load_BlankEntryOnly_FailsNamingTheKey()
    {
        var (settings, errors) = Load(" ");

        Assert.Null(settings);
        Assert.Equal(["Rtp:Codecs: must list at least one codec (PCMU, PCMA, G722, Opus)"], errors);
    }
}
