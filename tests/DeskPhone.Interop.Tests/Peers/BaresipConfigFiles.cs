using System.Globalization;
using System.Text;

namespace DeskPhone.Interop.Tests.Peers;

/// <summary>
/// Writes the three files baresip 1.0.0 reads from its <c>-f</c> directory: <c>config</c>
/// (key/value lines), <c>accounts</c> (one SIP account per line) and <c>contacts</c>.
/// </summary>
internal static class BaresipConfigFiles
{
    /// <summary>Linux's default ephemeral port range (net.ipv4.ip_local_port_range), for RTP.</summary>
    private const string RtpPorts = "32768-60999";

    public static void WriteAll(BaresipPeerOptions options, BaresipSetup setup)
    {
        Directory.CreateDirectory(setup.SoundsDirectory);
        Directory.CreateDirectory(setup.RecordingDirectory);
        File.WriteAllText(Path.Combine(setup.ConfigDirectory, "config"), Config(options, setup));
        File.WriteAllText(Path.Combine(setup.ConfigDirectory, "accounts"), Account(options, setup) + "\n");

        // Always written: contact.so creates a template full of example contacts when the file is missing.
        File.WriteAllText(Path.Combine(setup.ConfigDirectory, "contacts"), Contacts(options.MessageContacts));
    }

    public static string Config(BaresipPeerOptions options, BaresipSetup setup)
    {
        var c = new StringBuilder();
        void Line(string key, string value) => c.Append(key).Append(' ').Append(value).Append('\n');

        Line("poll_method", "epoll");

        // Without module_path, baresip looks for modules in the current directory.
        Line("module_path", setup.ModuleDirectory);

        // Loopback only. "net_interface lo" fails on this baresip ("could not get network address");
        // the address form works. sip_listen also opens TLS on SipPort + 1.
        Line("sip_listen", Invariant($"127.0.0.1:{setup.SipPort}"));
        Line("net_interface", "127.0.0.1");

        // Keeps baresip off the host resolver; the peer only ever talks to IP literals.
        Line("dns_server", "127.0.0.1:53");
        Line("rtp_ports", RtpPorts);
        Line("call_max_calls", "4");
        Line("statmode_default", "off");
        Line("audio_path", setup.SoundsDirectory);

        // Audio pacing without a sound card (baresip 1.0.0 has no null device):
        // - sending is paced by the source module's own thread (ausine/aufile emit one ptime frame
        //   every ptime), so no capture device is needed;
        // - receiving is driven by RTP arrival: each packet is decoded and run through the decode
        //   filters (sndfile records here) before it is queued for the player. The player only has
        //   to exist, so it is an aubridge device that no aubridge source ever connects to: aubridge
        //   starts its thread only when both ends of a device exist, so nothing plays or spins.
        Line("audio_player", "aubridge,rx");
        Line("audio_alert", "aubridge,alert");
        Line("audio_source", SourceDevice(options.AudioSource));
        Line("ausrc_srate", setup.SourceSampleRate.ToString(CultureInfo.InvariantCulture));
        Line("ausrc_channels", setup.SourceChannels.ToString(CultureInfo.InvariantCulture));

        // G.711 (ITU-T G.711) always: the codecs every phone must support. G.722 and Opus only when
        // the account offers them (g722.so, opus.so), so G.711-only peers stay as they were.
        Line("module", "g711.so");
        foreach (var codec in options.AudioCodecs)
        {
            if (codec.Equals("G722", StringComparison.OrdinalIgnoreCase))
            {
                Line("module", "g722.so");
            }
            else if (codec.Equals("opus", StringComparison.OrdinalIgnoreCase))
            {
                Line("module", "opus.so");
            }
        }

        Line("module", options.AudioSource is BaresipAudioSource.Sine ? "ausine.so" : "aufile.so");
        Line("module", "aubridge.so");
        if (options.RecordAudio)
        {
            // sndfile writes snd_path/dump-<time>-enc.wav (sent) and -dec.wav (received), one pair per call.
            Line("module", "sndfile.so");
            Line("snd_path", setup.RecordingDirectory);
        }

        Line("module_tmp", "account.so");

        // menu: dial/hangup/accept commands, and a 200 for incoming MESSAGE; contact: the message command.
        Line("module_app", "menu.so");
        Line("module_app", "contact.so");
        Line("module_app", "ctrl_tcp.so");
        Line("ctrl_tcp_listen", Invariant($"127.0.0.1:{setup.ControlPort}"));
        return c.ToString();
    }

    /// <summary>
    /// The account line: <c>&lt;sip:user@domain;uri-params&gt;;addr-params</c>. Without a registrar
    /// the domain is the peer's own address and <c>regint=0</c> turns registration off.
    /// </summary>
    public static string Account(BaresipPeerOptions options, BaresipSetup setup)
    {
        var line = new StringBuilder();
        if (options.Registrar is null)
        {
            line.Append(Invariant($"<sip:{options.User}@127.0.0.1:{setup.SipPort}>;regint=0"));
        }
        else
        {
            line.Append(Invariant($"<sip:{options.User}@{options.Registrar};transport={options.Transport}>;regint=3600"));
        }

        if (options.Password is not null)
        {
            line.Append(";auth_pass=").Append(options.Password);
        }

        line.Append(";answermode=").Append(options.AutoAnswer ? "auto" : "manual");
        line.Append(";audio_codecs=").Append(string.Join(',', options.AudioCodecs.Select(AccountCodec)));
        return line.ToString();
    }

    public static string Contacts(IReadOnlyList<string> uris)
    {
        var text = new StringBuilder();
        for (var i = 0; i < uris.Count; i++)
        {
            text.Append(Invariant($"\"contact{i}\" <{uris[i]}>\n"));
        }

        return text.ToString();
    }

    /// <summary>
    /// A codec as the account line names it: baresip 1.0.0 reads a bare name as name/8000/1, so
    /// G.722 (sampled at 16 kHz) and Opus (48 kHz stereo, RFC 7587) need their rate and channels.
    /// </summary>
    private static string AccountCodec(string codec) => codec.ToLowerInvariant() switch
    {
        "g722" => "g722/16000/1",
        "opus" => "opus/48000/2",
        var other => other,
    };

    private static string SourceDevice(BaresipAudioSource source) => source switch
    {
        BaresipAudioSource.Sine sine => Invariant($"ausine,{sine.FrequencyHz}"),
        BaresipAudioSource.WavFile file => "aufile," + Path.GetFullPath(file.Path),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "unknown audio source"),
    };

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
