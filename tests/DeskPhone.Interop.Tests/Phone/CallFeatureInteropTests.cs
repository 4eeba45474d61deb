using DeskPhone.Hal;
using DeskPhone.Interop.Tests.Audio;
using DeskPhone.Interop.Tests.Lab;
using DeskPhone.Interop.Tests.Peers;
using Xunit.Abstractions;

namespace DeskPhone.Interop.Tests.Phone;

/// <summary>
/// The desk-phone call features against real peers: our phone (in process) and baresip phones,
/// all registered to the lab Kamailio. Each test uses its own extensions (170–179, 190–198).
/// </summary>
[Collection(KamailioFixture.Name)]
public sealed class CallFeatureInteropTests(KamailioLab lab, ITestOutputHelper output)
{
    private const int PeerToneHz = 440;
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public Task Hold_ThePeerSeesSendonlyAndRtpStops_ResumeBringsAudioBack() => lab.RunWithLogAsync(output, async () =>
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var phone = await RegisteredPhone("170");
        await using var caller = await StartPeer("171", autoAnswer: false, deadline.Token);
        await Connect(phone, caller, deadline.Token);
        await Task.Delay(TimeSpan.FromSeconds(2), deadline.Token);
        Assert.True(ToneAnalysis.ContainsTone(phone.Earpiece(seconds: 1), 8000, PeerToneHz, 10), "no audio from the peer before the hold");

        phone.Hardware.Keys.Press(PhoneKey.Hold);
        await phone.WaitForScreenAsync("On hold");
        await caller.WaitForLogAsync("a=sendonly", EventTimeout, deadline.Token);
        await caller.WaitForLogAsync("a=recvonly", EventTimeout, deadline.Token);
        await Task.Delay(TimeSpan.FromSeconds(2), deadline.Token);
        var held = phone.Earpiece(seconds: 1);
        Assert.True(ToneAnalysis.RmsDbfs(held) < -50, $"the earpiece played {ToneAnalysis.RmsDbfs(held):0} dBFS while on hold");

        phone.Hardware.Keys.Press(PhoneKey.Hold);
        await phone.WaitForScreenAsync("Connected");
        await Task.Delay(TimeSpan.FromSeconds(2), deadline.Token);
        var resumed = phone.Earpiece(seconds: 1);
        Assert.True(ToneAnalysis.ContainsTone(resumed, 8000, PeerToneHz, 10), $"after resuming the earpiece played {ToneAnalysis.DominantFrequency(resumed, 8000):0} Hz at {ToneAnalysis.RmsDbfs(resumed):0} dBFS");
        Assert.True(CountOf(caller.Log, "a=sendrecv") >= 2, "the peer never saw the sendrecv offer that resumes the call");
    });

    [Fact]
    public Task BlindTransfer_TheCallerEndsUpTalkingToTheTarget() => lab.RunWithLogAsync(output, async () =>
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var phone = await RegisteredPhone("172", RoutableDomain());
        await using var caller = await StartPeer("173", autoAnswer: false, deadline.Token);
        await using var target = await StartPeer("174", autoAnswer: true, deadline.Token);
        await Connect(phone, caller, deadline.Token);

        phone.Hardware.Keys.Press(PhoneKey.More);
        phone.Hardware.Keys.Press(PhoneKey.Ok);
        phone.Hardware.Keys.Type("174");
        phone.Hardware.Keys.Press(PhoneKey.Send);

        await target.WaitForEventAsync(e => e.Type == "CALL_ESTABLISHED" && e.PeerUri?.Contains("173", StringComparison.Ordinal) == true, "the target talking to the caller", EventTimeout, deadline.Token);
        await phone.WaitForScreenAsync("Transferred to 174");
        await phone.WaitForScreenAsync("Ext 172");
    });

    [Fact]
    public Task AttendedTransfer_Star2ExtensionThenOnHook_TheCallerEndsUpTalkingToTheTarget() => lab.RunWithLogAsync(output, async () =>
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var phone = await RegisteredPhone("175", RoutableDomain());
        await using var caller = await StartPeer("176", autoAnswer: false, deadline.Token);
        await using var target = await StartPeer("177", autoAnswer: true, deadline.Token);
        await Connect(phone, caller, deadline.Token);

        phone.Hardware.Keys.Type("*2177#");
        await target.WaitForEventAsync(e => e.Type == "CALL_ESTABLISHED" && e.PeerUri?.Contains("175", StringComparison.Ordinal) == true, "the consultation call", EventTimeout, deadline.Token);
        await phone.WaitForScreenAsync("Consulting");
        await caller.WaitForLogAsync("a=sendonly", EventTimeout, deadline.Token);

        phone.Hardware.Hook.SetOffHook(false);

        await target.WaitForEventAsync(e => e.Type == "CALL_ESTABLISHED" && e.PeerUri?.Contains("176", StringComparison.Ordinal) == true, "the target talking to the caller", EventTimeout, deadline.Token);
        await phone.WaitForScreenAsync("Transferred to 177");
        await phone.WaitForScreenAsync("Ext 175");
        Assert.Contains("Replaces=", caller.Log, StringComparison.Ordinal);
    });

    [Fact]
    public Task AttendedTransfer_TargetDoesNotAnswer_BackWithTheCaller() => lab.RunWithLogAsync(output, async () =>
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var phone = await RegisteredPhone("178", new Dictionary<string, string?> { ["Phone:ConsultationTimeout"] = "00:00:05" });
        await using var caller = await StartPeer("179", autoAnswer: false, deadline.Token);
        await using var target = await StartPeer("190", autoAnswer: false, deadline.Token);
        await Connect(phone, caller, deadline.Token);

        phone.Hardware.Keys.Type("*2190#");
        await target.WaitForEventAsync("CALL_INCOMING", EventTimeout, deadline.Token);
        await phone.WaitForScreenAsync("Ringing");

        await target.WaitForEventAsync("CALL_CLOSED", EventTimeout, deadline.Token);
        await phone.WaitForScreenAsync("No answer");
        await phone.WaitForScreenAsync("Connected");
        await Task.Delay(TimeSpan.FromSeconds(2), deadline.Token);
        var earpiece = phone.Earpiece(seconds: 1);
        Assert.True(ToneAnalysis.ContainsTone(earpiece, 8000, PeerToneHz, 10), $"back with the caller the earpiece played {ToneAnalysis.DominantFrequency(earpiece, 8000):0} Hz at {ToneAnalysis.RmsDbfs(earpiece):0} dBFS{Environment.NewLine}{phone.Log}");
        Assert.DoesNotContain(caller.Events, e => e.Type == "CALL_CLOSED");
    });

    [Fact]
    public Task CallWaiting_SecondCallIsShown_TakeAnswersItAndHoldsTheFirst() => lab.RunWithLogAsync(output, async () =>
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var phone = await RegisteredPhone("191");
        await using var first = await StartPeer("192", autoAnswer: false, deadline.Token);
        await using var second = await StartPeer("193", autoAnswer: false, deadline.Token);
        await Connect(phone, first, deadline.Token);

        await second.DialAsync($"sip:191@{lab.EndPoint}", deadline.Token);
        await second.WaitForEventAsync("CALL_RINGING", EventTimeout, deadline.Token);
        await phone.WaitForScreenAsync("Waiting: 193");
        Assert.False(phone.Hardware.Ringer.IsRinging);

        phone.Hardware.Keys.Press(PhoneKey.Soft1);
        await second.WaitForEventAsync("CALL_ESTABLISHED", EventTimeout, deadline.Token);
        await phone.WaitForScreenAsync("Held: 192");
        await first.WaitForLogAsync("a=sendonly", EventTimeout, deadline.Token);

        phone.Hardware.Keys.Press(PhoneKey.End);
        await second.WaitForEventAsync("CALL_CLOSED", EventTimeout, deadline.Token);
        await phone.WaitForScreenAsync("On hold");
        Assert.DoesNotContain(first.Events, e => e.Type == "CALL_CLOSED");
    });

    [Fact]
    public Task DoNotDisturb_TheCallerIsRefusedBusy_AndThePhoneDoesNotRing() => lab.RunWithLogAsync(output, async () =>
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        await using var phone = await RegisteredPhone("194");
        phone.Hardware.Keys.Press(PhoneKey.More);
        phone.Hardware.Keys.Press(PhoneKey.Ok);
        await phone.WaitForScreenAsync("DND");
        await using var caller = await StartPeer("195", autoAnswer: false, deadline.Token);

        await caller.DialAsync($"sip:194@{lab.EndPoint}", deadline.Token);

        var closed = await caller.WaitForEventAsync("CALL_CLOSED", EventTimeout, deadline.Token);
        Assert.Contains("486", closed.Param ?? string.Empty, StringComparison.Ordinal);
        Assert.False(phone.Hardware.Ringer.IsRinging);
        await phone.WaitForScreenAsync("1 missed call");
    });

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// The PBX's address with its port as the SIP domain: a transferee calls the Refer-To URI
    /// itself, and the lab PBX does not listen on the default port 5060 that "127.0.0.1" implies.
    /// </summary>
    private Dictionary<string, string?> RoutableDomain() => new() { ["Account:Domain"] = lab.EndPoint.ToString() };

    private async Task<LabPhone> RegisteredPhone(string extension, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var phone = LabPhone.Start(lab, extension, extraSettings: settings);
        await phone.WaitForScreenAsync("Registered");
        return phone;
    }

    /// <summary>The peer calls the phone through the PBX and the phone answers by lifting the handset.</summary>
    private async Task Connect(LabPhone phone, BaresipPeer caller, CancellationToken ct)
    {
        var extension = phone.Runtime.Agent.Options.User;
        await caller.DialAsync($"sip:{extension}@{lab.EndPoint}", ct);
        await phone.WaitForScreenAsync("Incoming call");
        phone.Hardware.Hook.SetOffHook(true);
        await caller.WaitForEventAsync("CALL_ESTABLISHED", EventTimeout, ct);
        await phone.WaitForScreenAsync("Connected");
    }

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
