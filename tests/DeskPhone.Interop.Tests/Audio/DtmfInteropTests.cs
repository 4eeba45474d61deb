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
        await using var peer = await BaresipPeer.StartAsync(
            new BaresipPeerOptions
            {
                User = "206",
                Password = lab.Password("206"),
                Registrar = lab.EndPoint.ToString(),
                AutoAnswer = true,
                AudioSource = new BaresipAudioSource.Sine(440),
                RecordAudio = false,
            },
            deadline.Token);
        await using var phone = LabPhone.Start(lab, "207");
        await phone.WaitForScreenAsync("Registered");
        phone.Hardware.Hook.SetOffHook(true);
        phone.Hardware.Keys.Type("206#");
        await phone.WaitForScreenAsync("Connected");
        await peer.WaitForEventAsync("CALL_ESTABLISHED", EventTimeout, deadline.Token);

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
        await using var peer = await BaresipPeer.StartAsync(
            new BaresipPeerOptions
            {
                User = "197",
                Password = lab.Password("197"),
                Registrar = lab.EndPoint.ToString(),
                AutoAnswer = true,
                AudioSource = new BaresipAudioSource.WavFile(silence),
                RecordAudio = false,
            },
            deadline.Token);
        await using var phone = LabPhone.Start(lab, "196");
        await phone.WaitForScreenAsync("Registered");
        phone.Hardware.Hook.SetOffHook(true);
        phone.Hardware.Keys.Type("197#");
        await phone.WaitForScreenAsync("Connected");
        await peer.WaitForEventAsync("CALL_ESTABLISHED", EventTimeout, deadline.Token);

        await peer.SendCommandAsync("sndcode", "5", deadline.Token);
        await WaitForLogAsync(phone, "pressed 5 (telephone-event)", deadline.Token);

        // The 100 ms key tone plays from the next audio frame; a second of earpiece holds it.
        await Task.Delay(TimeSpan.FromSeconds(0.5), deadline.Token);
        var earpiece = phone.Earpiece(seconds: 1);
        phone.Hardware.Hook.SetOffHook(false);
        await peer.WaitForEventAsync("CALL_CLOSED", EventTimeout, deadline.Token);
        Directory.Delete(Path.GetDirectoryName(silence)!, recursive: true);

        // Digit 5 is 770 + 1336 Hz (ITU-T Q.23).
        var level = $"{ToneAnalysis.RmsDbfs(earpiece):0} dBFS, dominant {ToneAnalysis.DominantFrequency(earpiece, 8000):0} Hz";
        Assert.True(ToneAnalysis.ContainsTone(earpiece, 8000, 1336, 15), $"no 1336 Hz in the earpiece: {level}");
        Assert.True(ToneAnalysis.ContainsTone(earpiece, 8000, 770, 15), $"no 770 Hz in the earpiece: {level}");
    });

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
