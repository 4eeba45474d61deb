using DeskPhone.Hal;
using DeskPhone.Sip.Dialogs;
using Microsoft.Extensions.Time.Testing;

namespace DeskPhone.Interop.Tests.Sipp;

/// <summary>
/// SIPp (a scenario XML of ours per test, Scenarios/) calls the phone directly on 127.0.0.1 and
/// drives the cases a friendly peer never produces: lost ACKs, a CANCEL crossing the 200,
/// re-INVITE glare and session timers. SIPp's exit code says whether every message came as the
/// scenario expects; the test checks the phone's side. Each scenario ends within 15 s.
/// </summary>
public sealed class SippScenarioTests
{
    [Fact]
    public async Task AckLostTwice_ThePhoneRetransmitsIts200_AndTheCallSurvives()
    {
        await using var phone = await SippPhone.StartAsync();
        await using var sipp = SippRun.Start("invite-ack-lost", phone.SipEndPoint);

        var call = await phone.AnswerAsync();

        Assert.True(await sipp.WaitForExitAsync() == 0, sipp.Report + phone.Log);
        var trace = sipp.Trace;
        var ack = trace.ToList().FindIndex(e => e.Sent && e.IsRequest("ACK"));
        Assert.True(trace.Take(ack).Count(e => e.IsResponse(200, "1 INVITE")) >= 3, "the phone did not retransmit its 200 while the ACK was missing\n" + sipp.Report);
        Assert.DoesNotContain(trace, e => !e.Sent && e.IsRequest("BYE"));
        await phone.UntilAsync(() => call.State == CallState.Ended, "the call ended");
        Assert.Equal(CallEndReason.RemoteHangup, await phone.OnLoop(() => call.EndReason));
    }

    [Fact]
    public async Task CancelCrossingThe200_Gets200_NoRejection_AndByeEndsTheCall()
    {
        await using var phone = await SippPhone.StartAsync();
        await using var sipp = SippRun.Start("cancel-crosses-200", phone.SipEndPoint);

        var call = await phone.AnswerAsync();

        Assert.True(await sipp.WaitForExitAsync() == 0, sipp.Report + phone.Log);
        Assert.Contains(sipp.Trace, e => !e.Sent && e.IsResponse(200, "1 CANCEL"));
        Assert.DoesNotContain(sipp.Trace, e => !e.Sent && e.StartLine.StartsWith("SIP/2.0 487", StringComparison.Ordinal));
        await phone.UntilAsync(() => call.State == CallState.Ended, "the call ended");
        Assert.Equal(CallEndReason.RemoteHangup, await phone.OnLoop(() => call.EndReason));
    }

    [Fact]
    public async Task ReInviteGlare_BothSidesGet491_ThePhoneRetriesItsHold()
    {
        await using var phone = await SippPhone.StartAsync();
        await using var sipp = SippRun.Start("reinvite-glare", phone.SipEndPoint);
        var call = await phone.AnswerAsync();

        phone.Hardware.Keys.Press(PhoneKey.Hold);

        Assert.True(await sipp.WaitForExitAsync() == 0, sipp.Report + phone.Log);
        var phoneInvites = sipp.Trace.Where(e => !e.Sent && e.IsRequest("INVITE")).Select(e => e.CSeq).ToList();
        Assert.Equal(2, phoneInvites.Count);
        Assert.Contains(sipp.Trace, e => !e.Sent && e.IsResponse(491, "2 INVITE"));
        Assert.Equal(200, await phone.OnLoop(() => call.LastReofferStatus));
        await phone.UntilAsync(() => call.State == CallState.Ended, "the call ended");
    }

    [Fact]
    public async Task SessionTimer_SippRefreshes_ThePhoneKeepsTheCallPastTheFirstExpiry()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var phone = await SippPhone.StartAsync(clock);
        await using var sipp = SippRun.Start("session-timer-refreshed", phone.SipEndPoint);
        var call = await phone.AnswerAsync();
        await AckTakenIn(sipp);
        var offers = 0;
        await phone.Runtime.Loop.InvokeAsync(() => call.RemoteSdpChanged += _ => offers++);

        await Advance(phone, clock, TimeSpan.FromSeconds(45));
        Assert.Equal(CallState.Connected, await phone.OnLoop(() => call.State));
        await sipp.SendGoAheadAsync(call.CallId, 1);
        await sipp.UntilTracedAsync(e => !e.Sent && e.IsResponse(200, "4 OPTIONS"), "the phone's 200 to the OPTIONS after the refresh's ACK");
        Assert.Equal(1, await phone.OnLoop(() => offers));

        // 90 s into the call: past the 60 s at which an unrefreshed session ends, 45 s after the refresh.
        await Advance(phone, clock, TimeSpan.FromSeconds(45));
        Assert.Equal(CallState.Connected, await phone.OnLoop(() => call.State));
        await sipp.SendGoAheadAsync(call.CallId, 2);

        Assert.True(await sipp.WaitForExitAsync() == 0, sipp.Report + phone.Log);
        await phone.UntilAsync(() => call.State == CallState.Ended, "the call ended");
        Assert.Equal(CallEndReason.RemoteHangup, await phone.OnLoop(() => call.EndReason));
    }

    [Fact]
    public async Task SessionTimer_SippDoesNotRefresh_ThePhoneEndsTheCallWithByeAt60s()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var phone = await SippPhone.StartAsync(clock);
        await using var sipp = SippRun.Start("session-timer-expired", phone.SipEndPoint);
        var call = await phone.AnswerAsync();
        await AckTakenIn(sipp);

        await Advance(phone, clock, TimeSpan.FromSeconds(59.9));
        Assert.Equal(CallState.Connected, await phone.OnLoop(() => call.State));
        await Advance(phone, clock, TimeSpan.FromSeconds(0.1));

        Assert.True(await sipp.WaitForExitAsync() == 0, sipp.Report + phone.Log);
        Assert.Contains(sipp.Trace, e => !e.Sent && e.IsRequest("BYE"));
        Assert.Equal((CallState.Ended, CallEndReason.Timeout), await phone.OnLoop(() => (call.State, call.EndReason)));
    }

    /// <summary>
    /// Waits for the phone's 200 to SIPp's OPTIONS that follows the ACK: the phone takes messages
    /// in order, so the ACK has stopped its 2xx retransmissions (and their 32 s give-up) by then.
    /// </summary>
    private static Task AckTakenIn(SippRun sipp) =>
        sipp.UntilTracedAsync(e => !e.Sent && e.IsResponse(200, "2 OPTIONS"), "the phone's 200 to the OPTIONS after the ACK");

    /// <summary>Moves the phone's clock, then lets its loop run the timer callbacks that posted.</summary>
    private static async Task Advance(SippPhone phone, FakeTimeProvider clock, TimeSpan by)
    {
        clock.Advance(by);
        await phone.Runtime.Loop.InvokeAsync(() => { });
    }
}
