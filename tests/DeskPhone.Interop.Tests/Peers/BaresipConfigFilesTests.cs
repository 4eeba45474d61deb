namespace DeskPhone.Interop.Tests.Peers;

public sealed class BaresipConfigFilesTests
{
    private static readonly BaresipSetup Setup = new("/tmp/peer", "/usr/lib/baresip/modules", 5070, 4444, 48000, 2);

    [Fact]
    public void Account_WithoutRegistrar_UsesOwnAddressAndDisablesRegistration()
    {
        var line = BaresipConfigFiles.Account(new BaresipPeerOptions { User = "b", AutoAnswer = true }, Setup);

        Assert.Equal("<sip:b@127.0.0.1:5070>;regint=0;answermode=auto;audio_codecs=pcmu,pcma", line);
    }

    [Fact]
    public void Account_WithRegistrar_RegistersThereWithPassword()
    {
        var options = new BaresipPeerOptions { User = "101", Password = "pw101", Registrar = "127.0.0.1:5060", AudioCodecs = ["PCMA"] };

        var line = BaresipConfigFiles.Account(options, Setup);

        Assert.Equal("<sip:101@127.0.0.1:5060;transport=udp>;regint=3600;auth_pass=pw101;answermode=manual;audio_codecs=pcma", line);
    }

    [Fact]
    public void Config_ForSineSource_LoadsAusineAt48kHzStereoAndListensOnLoopback()
    {
        var config = BaresipConfigFiles.Config(new BaresipPeerOptions { AudioSource = new BaresipAudioSource.Sine(440) }, Setup);

        Assert.Contains("sip_listen 127.0.0.1:5070\n", config);
        Assert.Contains("ctrl_tcp_listen 127.0.0.1:4444\n", config);
        Assert.Contains("audio_source ausine,440\n", config);
        Assert.Contains("ausrc_srate 48000\n", config);
        Assert.Contains("module ausine.so\n", config);
        Assert.Contains("snd_path /tmp/peer/recordings\n", config);
        Assert.DoesNotContain("aufile", config);
    }

    [Fact]
    public void Config_WithoutRecording_DoesNotLoadSndfile()
    {
        var config = BaresipConfigFiles.Config(new BaresipPeerOptions { RecordAudio = false }, Setup);

        Assert.DoesNotContain("sndfile", config);
    }

    [Fact]
    public void Contacts_ListsEachUriInAngleBrackets()
    {
        Assert.Equal(
            "\"contact0\" <sip:a@127.0.0.1:1>\n\"contact1\" <sip:b@127.0.0.1:2>\n",
            BaresipConfigFiles.Contacts(["sip:a@127.0.0.1:1", "sip:b@127.0.0.1:2"]));
    }

    [Theory]
    [InlineData("a;b")]
    [InlineData("a b")]
    [InlineData("")]
    public void Validate_UserWithAccountDelimiter_IsRejected(string user)
    {
        Assert.Throws<ArgumentException>(() => BaresipOptionsValidator.Validate(new BaresipPeerOptions { User = user }));
    }

    [Fact]
    public void Validate_CodecWithoutAModule_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => BaresipOptionsValidator.Validate(new BaresipPeerOptions { AudioCodecs = ["G729"] }));
    }

    [Fact]
    public void Account_WidebandCodecs_AreNamedWithTheirRateAndChannels()
    {
        var line = BaresipConfigFiles.Account(new BaresipPeerOptions { User = "b", AudioCodecs = ["G722", "opus", "PCMU"] }, Setup);

        Assert.EndsWith(";audio_codecs=g722/16000/1,opus/48000/2,pcmu", line);
    }

    [Fact]
    public void Config_LoadsTheG722AndOpusModulesOnlyWhenOffered()
    {
        var wideband = BaresipConfigFiles.Config(new BaresipPeerOptions { AudioCodecs = ["opus", "G722", "PCMU"] }, Setup);
        var narrowband = BaresipConfigFiles.Config(new BaresipPeerOptions(), Setup);

        Assert.Contains("module g722.so\n", wideband);
        Assert.Contains("module opus.so\n", wideband);
        Assert.Contains("module g711.so\n", narrowband);
        Assert.DoesNotContain("g722", narrowband);
        Assert.DoesNotContain("opus", narrowband);
    }
}
