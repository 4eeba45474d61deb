using DeskPhone.Interop.Tests.Lab;
using DeskPhone.Media.Codecs;
using DeskPhone.Interop.Tests.Peers;
using DeskPhone.Interop.Tests.Phone;
using Xunit.Abstractions;

namespace DeskPhone.Interop.Tests.Audio;

/// <summary>
/// Our phone and baresip through the lab PBX with the codecs beyond G.711: G.722 (offered by
/// default) and Opus (when configured). The codec is read from the phone's log, and the audio
/// is checked by content both ways, at frequencies and sample rates only that codec can carry.
/// Opus runs on the system's libopus through our binding, as on the Pi; the managed fallback
/// is checked against ffmpeg in the media tests (OpusFfmpegTests).
/// </summary>
[Collection(KamailioFixture.Name)]
public sealed class CodecInteropTests(KamailioLab lab, ITestOutputHelper output)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public Task PhoneCallsBaresip_BothOfferG722_G722CarriesWidebandAudioBothWays() => lab.RunWithLogAsync(output, async () =>
    {
        // Tones above 4 kHz: G.711's band ends there, so hearing them proves the wideband path.
        const int MicrophoneHz = 6000;
        const int PeerHz = 5000;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        await using var peer = await StartPeer("202", PeerHz, ["G722", "PCMU"], deadline.Token);
        await using var phone = LabPhone.Start(lab, "203", extraSettings: new Dictionary<string, string?>
        {
            ["Simulator:SampleRate"] = "16000",
            ["Simulator:CaptureToneHz"] = $"{MicrophoneHz}",
        });
        await phone.WaitForScreenAsync("Registered");

        var (atPeer, earpiece) = await CallAndRecordAsync(phone, peer, "202", deadline.Token);

        Assert.True(phone.Log.Contains("G722 (payload type 9)", StringComparison.Ordinal), phone.Log);
        Assert.Equal(16000, atPeer.SampleRate);
        Assert.True(ToneAnalysis.ContainsTone(atPeer.Samples, atPeer.SampleRate, MicrophoneHz, 20), $"baresip heard {ToneAnalysis.DominantFrequency(atPeer.Samples, atPeer.SampleRate):0} Hz");
        Assert.True(ToneAnalysis.ContainsTone(earpiece, 16000, PeerHz, 20), $"our earpiece played {ToneAnalysis.DominantFrequency(earpiece, 16000):0} Hz at {ToneAnalysis.RmsDbfs(earpiece):0} dBFS{Environment.NewLine}{phone.Log}");
    });

    [Fact]
    public Task PhoneConfiguredForOpus_CallsBaresip_NativeOpusCarriesAudioBothWays() => lab.RunWithLogAsync(output, async () =>
    {
        // The phone runs in this process: this is the implementation its streams pick.
        Assert.True(OpusCodec.NativeAvailable, $"{OpusCodec.NativeLoadError}: install libopus0 (make deps)");
        const int PeerHz = 700;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        await using var peer = await StartPeer("204", PeerHz, ["opus", "PCMU"], deadline.Token);
        await using var phone = LabPhone.Start(lab, "205", extraSettings: new Dictionary<string, string?>
        {
            ["Rtp:Codecs:0"] = "Opus",
            ["Rtp:Codecs:1"] = "PCMU",
        });
        await phone.WaitForScreenAsync("Registered");

        var (atPeer, earpiece) = await CallAndRecordAsync(phone, peer, "204", deadline.Token);

        Assert.True(phone.Log.Contains("Opus (payload type 111)", StringComparison.Ordinal), phone.Log);

        // baresip decodes Opus at its RTP clock, 48 kHz; G.711 would have been recorded at 8 kHz.
        Assert.Equal(48000, atPeer.SampleRate);
        Assert.True(ToneAnalysis.ContainsTone(atPeer.Samples, atPeer.SampleRate, LabPhone.MicrophoneToneHz, 10), $"baresip heard {ToneAnalysis.DominantFrequency(atPeer.Samples, atPeer.SampleRate):0} Hz");
        Assert.True(ToneAnalysis.ContainsTone(earpiece, 8000, PeerHz, 10), $"our earpiece played {ToneAnalysis.DominantFrequency(earpiece, 8000):0} Hz at {ToneAnalysis.RmsDbfs(earpiece):0} dBFS{Environment.NewLine}{phone.Log}");
    });

    /// <summary>Dials the auto-answering peer, lets audio flow for three seconds and hangs up.</summary>
    private static async Task<(WavAudio AtPeer, short[] Earpiece)> CallAndRecordAsync(LabPhone phone, BaresipPeer peer, string extension, CancellationToken ct)
    {
        phone.Hardware.Hook.SetOffHook(true);
        phone.Hardware.Keys.Type($"{extension}#");
        await phone.WaitForScreenAsync("Connected");
        await peer.WaitForEventAsync("CALL_ESTABLISHED", EventTimeout, ct);
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        var earpiece = phone.Earpiece(seconds: 2);
        phone.Hardware.Hook.SetOffHook(false);
        await peer.WaitForEventAsync("CALL_CLOSED", EventTimeout, ct);
        return (peer.ReadReceivedAudio(), earpiece);
    }

    private Task<BaresipPeer> StartPeer(string extension, int toneHz, IReadOnlyList<string> codecs, CancellationToken ct) =>
        BaresipPeer.StartAsync(
            new BaresipPeerOptions
            {
                User = extension,
                Password = lab.Password(extension),
                Registrar = lab.EndPoint.ToString(),
                AutoAnswer = true,
                AudioSource = new BaresipAudioSource.Sine(toneHz),
                AudioCodecs = codecs,
            },
            ct);
}
