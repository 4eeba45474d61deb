using DeskPhone.Interop.Tests.Audio;
using DeskPhone.Interop.Tests.Lab;
using DeskPhone.Interop.Tests.Peers;
using DeskPhone.Phone.History;
using Xunit.Abstractions;

namespace DeskPhone.Interop.Tests.Phone;

/// <summary>
/// The walking skeleton end to end: our phone (in process, simulator hardware) registers to a real
/// Kamailio and calls, and is called by, a real baresip. Each test uses its own extensions so the
/// shared PBX keeps no state between them.
/// </summary>
[Collection(KamailioFixture.Name)]
public sealed class PhoneInteropTests(KamailioLab lab, ITestOutputHelper output)
{
    private const int PeerToneHz = 440;
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public Task Phone_RegistersWithDigest_AndThePbxHoldsItsBinding() => lab.RunWithLogAsync(output, async () =>
    {
        await using var phone = LabPhone.Start(lab, "110");

        await phone.WaitForScreenAsync("Registered");

        var contacts = await lab.RegisteredContactsAsync("110");
        Assert.Contains(contacts, c => c.Contains($":{phone.Runtime.Agent.LocalEndPoint.Port}", StringComparison.Ordinal));
    });

    [Fact]
    public Task Phone_ShutDown_RemovesItsBindingWithAnAuthenticatedDeRegister() => lab.RunWithLogAsync(output, async () =>
    {
        var phone = LabPhone.Start(lab, "112");
        await phone.WaitForScreenAsync("Registered");
        Assert.NotEmpty(await lab.RegisteredContactsAsync("112"));

        // The lab PBX challenges every REGISTER, the de-REGISTER (Expires: 0) included.
        await phone.DisposeAsync();

        Assert.Empty(await lab.RegisteredContactsAsync("112"));
    });

    [Fact]
    public Task Phone_WrongPassword_ShowsFailureWithCode_AndDoesNotRetryAtOnce() => lab.RunWithLogAsync(output, async () =>
    {
        await using var phone = LabPhone.Start(lab, "111", password: "not-the-password");

        await phone.WaitForScreenAsync("Reg. failed 401");
        var attempts = await phone.Runtime.Loop.InvokeAsync(() => phone.Runtime.Agent.Registration.Attempts);
        await Task.Delay(TimeSpan.FromSeconds(2));

        // One unauthenticated REGISTER and one with the (wrong) credentials; the next try waits 30 s.
        Assert.Equal(2, attempts);
        Assert.Equal(2, await phone.Runtime.Loop.InvokeAsync(() => phone.Runtime.Agent.Registration.Attempts));
        Assert.Empty(await lab.RegisteredContactsAsync("111"));
    });

    [Fact]
    public Task Phone_CallsBaresip_AudioFlowsBothWays() => lab.RunWithLogAsync(output, async () =>
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        await using var peer = await StartPeer("200", autoAnswer: true, deadline.Token);
        await using var phone = LabPhone.Start(lab, "120");
        await phone.WaitForScreenAsync("Registered");

        phone.Hardware.Hook.SetOffHook(true);
        phone.Hardware.Keys.Type("200#");
        await phone.WaitForScreenAsync("Connected");
        await peer.WaitForEventAsync("CALL_ESTABLISHED", EventTimeout, deadline.Token);
        await Task.Delay(TimeSpan.FromSeconds(3), deadline.Token);
        var earpiece = phone.Earpiece(seconds: 2);
        phone.Hardware.Hook.SetOffHook(false);
        await peer.WaitForEventAsync("CALL_CLOSED", EventTimeout, deadline.Token);

        var atPeer = peer.ReadReceivedAudio();
        Assert.True(ToneAnalysis.ContainsTone(atPeer.Samples, atPeer.SampleRate, LabPhone.MicrophoneToneHz, 10), $"baresip heard {ToneAnalysis.DominantFrequency(atPeer.Samples, atPeer.SampleRate):0} Hz");
        Assert.True(ToneAnalysis.ContainsTone(earpiece, 8000, PeerToneHz, 10), $"our earpiece played {ToneAnalysis.DominantFrequency(earpiece, 8000):0} Hz at {ToneAnalysis.RmsDbfs(earpiece):0} dBFS{Environment.NewLine}{phone.Log}");
        await phone.WaitForScreenAsync("Ext 120");
    });

    [Fact]
    public Task Baresip_CallsPhone_RingsShowsCaller_OffHookAnswers_OnHookHangsUp() => lab.RunWithLogAsync(output, async () =>
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        await using var phone = LabPhone.Start(lab, "130");
        await phone.WaitForScreenAsync("Registered");
        await using var peer = await StartPeer("131", autoAnswer: false, deadline.Token);

        await peer.DialAsync($"sip:130@{lab.EndPoint}", deadline.Token);
        await phone.WaitForScreenAsync("Incoming call");
        Assert.True(phone.Hardware.Screen.ContainsText("131"), phone.Hardware.Screen.Snapshot());
        Assert.True(phone.Hardware.Ringer.IsRinging);
        await peer.WaitForEventAsync("CALL_RINGING", EventTimeout, deadline.Token);

        phone.Hardware.Hook.SetOffHook(true);
        await peer.WaitForEventAsync("CALL_ESTABLISHED", EventTimeout, deadline.Token);
        await phone.WaitForScreenAsync("Connected");
        Assert.False(phone.Hardware.Ringer.IsRinging);
        await Task.Delay(TimeSpan.FromSeconds(2.5), deadline.Token);
        var earpiece = phone.Earpiece(seconds: 1.5);

        phone.Hardware.Hook.SetOffHook(false);
        await peer.WaitForEventAsync("CALL_CLOSED", EventTimeout, deadline.Token);
        await phone.WaitForScreenAsync("Ext 130");
        Assert.True(ToneAnalysis.ContainsTone(earpiece, 8000, PeerToneHz, 10), $"our earpiece played {ToneAnalysis.DominantFrequency(earpiece, 8000):0} Hz");
    });

    [Fact]
    public Task Baresip_HangsUp_PhoneReturnsToIdleWithoutDialTone() => lab.RunWithLogAsync(output, async () =>
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        await using var phone = LabPhone.Start(lab, "140");
        await phone.WaitForScreenAsync("Registered");
        await using var peer = await StartPeer("141", autoAnswer: false, deadline.Token);
        await peer.DialAsync($"sip:140@{lab.EndPoint}", deadline.Token);
        await phone.WaitForScreenAsync("Incoming call");
        phone.Hardware.Hook.SetOffHook(true);
        await peer.WaitForEventAsync("CALL_ESTABLISHED", EventTimeout, deadline.Token);

        await peer.HangupAsync(deadline.Token);

        await phone.WaitForScreenAsync("Hung up by peer");
        await phone.WaitForScreenAsync("Ext 140");
        await Task.Delay(TimeSpan.FromSeconds(1), deadline.Token);

        // The handset is still lifted: the earpiece must be silent, no dial tone.
        var earpiece = phone.Earpiece(seconds: 0.8);
        Assert.True(ToneAnalysis.RmsDbfs(earpiece) < -50, $"earpiece at {ToneAnalysis.RmsDbfs(earpiece):0.0} dBFS, {ToneAnalysis.DominantFrequency(earpiece, 8000):0} Hz");
    });

    [Fact]
    public Task Baresip_CancelsBeforeAnswer_PhoneStopsRingingAndLogsMissedCall() => lab.RunWithLogAsync(output, async () =>
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        await using var phone = LabPhone.Start(lab, "150");
        await phone.WaitForScreenAsync("Registered");
        await using var peer = await StartPeer("151", autoAnswer: false, deadline.Token);
        await peer.DialAsync($"sip:150@{lab.EndPoint}", deadline.Token);
        await phone.WaitForScreenAsync("Incoming call");
        await peer.WaitForEventAsync("CALL_RINGING", EventTimeout, deadline.Token);

        await peer.HangupAsync(deadline.Token);

        await phone.WaitForScreenAsync("1 missed call");
        Assert.False(phone.Hardware.Ringer.IsRinging);
        var history = await phone.Runtime.Loop.InvokeAsync(() => phone.Runtime.Phone.History.Records.ToList());
        var missed = Assert.Single(history);
        Assert.Equal(CallRecordKind.Missed, missed.Kind);
        Assert.Equal("151", missed.Number);
        Assert.Contains("Missed call from 151", phone.Log);
    });

    private Task<BaresipPeer> StartPeer(string extension, bool autoAnswer, CancellationToken ct) =>
        BaresipPeer.StartAsync(
            new BaresipPeerOptions
            {
                User = extension,
                Password = lab.Password(extension),
                Registrar = lab.EndPoint.ToString(),
                AutoAnswer = autoAnswer,
                AudioSource = new BaresipAudioSource.Sine(PeerToneHz),
            },
            ct);
}
