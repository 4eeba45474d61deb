using DeskPhone.Interop.Tests.Lab;
using DeskPhone.Interop.Tests.Peers;
using DeskPhone.Interop.Tests.Phone;
using Xunit.Abstractions;

namespace DeskPhone.Interop.Tests.Audio;

/// <summary>
/// Keys pressed in a call leave our phone as RFC 4733 telephone-events, and baresip, through the
/// lab PBX, recognises each digit once and in order. baresip reports a received event as a
/// CALL_DTMF_START ctrl_tcp event whose param is the digit (and logs "call: received DTMF").
/// </summary>
[Collection(KamailioFixture.Name)]
public sealed class DtmfInteropTests(KamailioLab lab, ITestOutputHelper output)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public Task KeysTypedInACall_ReachBaresipAsTelephoneEvents_InOrder() => lab.RunWithLogAsync(output, async () =>
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        await using var peer = await StartPeerAsync("206", new BaresipAudioSource.Sine(440), deadline.Token);
        await using var phone = LabPhone.Start(lab, "207");
        await CallAsync(phone, peer, deadline.Token);

        phone.Hardware.Keys.Type("123#");

        var digits = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            digits.Add((await peer.WaitForEventAsync("CALL_DTMF_START", EventTimeout, deadline.Token)).Param);
        }

        // Every digit ends (three end packets, RFC 4733 §2.5.1.4) and none is reported twice.
        for (var i = 0; i < 4; i++)
        {
            await peer.WaitForEventAsync("CALL_DTMF_END", EventTimeout, deadline.Token);
        }

        await Task.Delay(TimeSpan.FromSeconds(0.5), deadline.Token);
        phone.Hardware.Hook.SetOffHook(false);
        await peer.WaitForEventAsync("CALL_CLOSED", EventTimeout, deadline.Token);

        Assert.Equal(["1", "2", "3", "#"], digits);
        Assert.Equal(4, peer.Events.Count(e => e.Type == "CALL_DTMF_START"));
        Assert.Contains("telephone-event 101", phone.Log);
    });

    [Fact]
    public Task KeysBaresipPresses_ArriveAsTelephoneEvents_AndPlayInOurEarpiece() => lab.RunWithLogAsync(output, async () =>
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        var silence = Path.Combine(Directory.CreateTempSubdirectory("deskphone-dtmf-").FullName, "silence.wav");
        WavFile.Write(silence, TestSignals.Silence(8000, 30), 8000);
        await using var peer = await StartPeerAsync("197", new BaresipAudioSource.WavFile(silence), deadline.Token);
        // Sidetone off: the microphone's 1 kHz tone would be heard under the key.
        await using var phone = LabPhone.Start(lab, "196", extraSettings: new Dictionary<string, string?> { ["Audio:SidetoneDb"] = "0" });
        await CallAsync(phone, peer, deadline.Token);

        // A second of the call first, so that the feedback of the '#' we dialled with and the
        // ringback's last frame are older than the earpiece audio examined below.
        await Task.Delay(TimeSpan.FromSeconds(1), deadline.Token);
        await peer.SendCommandAsync("sndcode", "5", deadline.Token);
        await WaitForLogAsync(phone, "pressed 5 (telephone-event)", deadline.Token);

        // The 100 ms key tone plays from the next audio frame; 0.8 s of earpiece holds it.
        await Task.Delay(TimeSpan.FromSeconds(0.5), deadline.Token);
        var earpiece = phone.Earpiece(seconds: 0.8);
        phone.Hardware.Hook.SetOffHook(false);
        await peer.WaitForEventAsync("CALL_CLOSED", EventTimeout, deadline.Token);
        Directory.Delete(Path.GetDirectoryName(silence)!, recursive: true);

        // Digit 5 is 770 + 1336 Hz (ITU-T Q.23), the high tone 2 dB up: shares of about 0.4 and 0.6
        // of the burst's power; 0.25 each and 0.8 together leave room for leakage and the fade-out.
        // 64 ms windows: within the 100 ms burst.
        var low = ToneAnalysis.ShareInLoudestWindow(earpiece, 8000, 512, 770, 15);
        var high = ToneAnalysis.ShareInLoudestWindow(earpiece, 8000, 512, 1336, 15);
        var heard = $"770 Hz {low:P0}, 1336 Hz {high:P0} of the power; {ToneAnalysis.RmsDbfs(earpiece):0} dBFS";
        Assert.True(low > 0.25 && high > 0.25 && low + high > 0.8, heard);
    });

    /// <summary>A baresip that answers at once and plays <paramref name="source"/>, registered as <paramref name="user"/>.</summary>
    private Task<BaresipPeer> StartPeerAsync(string user, BaresipAudioSource source, CancellationToken ct) =>
        BaresipPeer.StartAsync(
            new BaresipPeerOptions
            {
                User = user,
                Password = lab.Password(user),
                Registrar = lab.EndPoint.ToString(),
                AutoAnswer = true,
                AudioSource = source,
                RecordAudio = false,
            },
            ct);

    /// <summary>Our phone, once registered, lifts the handset and dials the peer; both see the call up.</summary>
    private static async Task CallAsync(LabPhone phone, BaresipPeer peer, CancellationToken ct)
    {
        await phone.WaitForScreenAsync("Registered");
        phone.Hardware.Hook.SetOffHook(true);
        phone.Hardware.Keys.Type(peer.User + "#");
        await phone.WaitForScreenAsync("Connected");
        await peer.WaitForEventAsync("CALL_ESTABLISHED", EventTimeout, ct);
    }

    private static async Task WaitForLogAsync(LabPhone phone, string text, CancellationToken ct)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(EventTimeout);
        while (!phone.Log.Contains(text, StringComparison.Ordinal))
        {
            Assert.False(bounded.IsCancellationRequested, $"the phone never logged '{text}':{Environment.NewLine}{phone.Log}");
            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }
    }
}
