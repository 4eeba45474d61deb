using DeskPhone.Interop.Tests.Phone;
using DeskPhone.Phone;
using DeskPhone.Phone.Messages;
using DeskPhone.Sip.Dialogs;
using DeskPhone.Sip.Registration;

namespace DeskPhone.Interop.Tests.Sipp;

/// <summary>
/// Calls and messages over a lossy network, against SIPp on 127.0.0.1: SIPp calling the phone
/// (UAC) and the phone calling SIPp (UAS), several times in one SIPp run, with SIPp's random
/// loss (-lost) on most messages and losses placed by the scenarios (lost="100" on chosen
/// messages) so that every call needs the phone's retransmissions. SIPp's exit code says every
/// call completed; its message trace shows that the retransmissions happened, call by call,
/// and its statistics count the calls and its own retransmissions. Each run ends within 30 s.
/// </summary>
public sealed class SippLossTests
{
    /// <summary>Random loss on every message a scenario leaves to chance: low enough that no call runs out of retransmissions.</summary>
    private const int LostPercent = 10;

    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SippCallsThePhone_UnderLoss_EveryCallCompletes_OnThePhonesRetransmissions()
    {
        const int Calls = 5;
        await using var phone = await SippPhone.StartAsync();
        await using var sipp = SippRun.Start("lossy-calls", phone.SipEndPoint, new SippRunOptions { Calls = Calls, LostPercent = LostPercent, Limit = RunLimit });

        var callIds = new List<string>();
        for (var i = 1; i <= Calls; i++)
        {
            var call = await phone.NextIncomingAsync();
            callIds.Add(call.CallId);

            // The scenario drops every provisional response: the 180 twice means the phone answered SIPp's retransmitted INVITE.
            await sipp.UntilTracedAsync(trace => Received(trace, call.CallId, e => e.IsResponse(180, "1 INVITE")) >= 2, $"the phone's 180 again in call {i}");
            await phone.AnswerAsync(call);
            await phone.UntilAsync(() => call.State == CallState.Ended, $"call {i} ended");
            Assert.Equal(CallEndReason.RemoteHangup, await phone.OnLoop(() => call.EndReason));
            phone.Hardware.Hook.SetOffHook(false);

            // SIPp places its next call as soon as this one ends: it may ring already.
            await phone.UntilAsync(() => phone.Runtime.Phone.View is { OffHook: false, Mode: PhoneMode.Idle or PhoneMode.Incoming }, $"the handset down after call {i}");
        }

        Assert.True(await sipp.WaitForExitAsync() == 0, sipp.Report + phone.Log);
        var trace = sipp.Trace;
        foreach (var callId in callIds)
        {
            Assert.True(Sent(trace, callId, e => e.IsRequest("INVITE")) >= 2, $"SIPp did not retransmit its INVITE in {callId}\n{sipp.Report}");
            Assert.True(Received(trace, callId, e => e.IsResponse(200, "1 INVITE")) >= 2, $"the phone did not retransmit its 200 while the ACK was lost in {callId}\n{sipp.Report}");
            Assert.True(Received(trace, callId, e => e.IsResponse(200, "2 BYE")) >= 2, $"the phone did not answer the retransmitted BYE in {callId}\n{sipp.Report}");
        }

        Assert.True(trace.Count(e => e.Sent && e.Lost) >= Calls, $"SIPp dropped fewer than {Calls} of its messages (one ACK per call at least)\n{sipp.Report}");
        var statistics = sipp.Statistics;
        Assert.Equal((Calls, 0), (statistics.SuccessfulCalls, statistics.FailedCalls));
        Assert.True(statistics.Retransmissions >= 2 * Calls, $"SIPp counted {statistics.Retransmissions} retransmissions");
    }

    [Fact]
    public async Task SippWritesToThePhone_UnderLoss_EveryMessageIsStoredOnce()
    {
        const int Messages = 5;
        await using var phone = await SippPhone.StartAsync();
        await using var sipp = SippRun.Start("lossy-messages", phone.SipEndPoint, new SippRunOptions { Calls = Messages, LostPercent = LostPercent, Limit = RunLimit });

        Assert.True(await sipp.WaitForExitAsync() == 0, sipp.Report + phone.Log);

        var trace = sipp.Trace;
        var callIds = trace.Where(e => e.Sent && e.IsRequest("MESSAGE")).Select(e => e.CallId).Distinct().ToList();
        Assert.Equal(Messages, callIds.Count);
        foreach (var callId in callIds)
        {
            Assert.True(Sent(trace, callId, e => e.IsRequest("MESSAGE")) >= 2, $"SIPp did not retransmit its MESSAGE in {callId}\n{sipp.Report}");
            Assert.True(Received(trace, callId, e => e.IsResponse(200, "1 MESSAGE")) >= 2, $"the phone did not answer the retransmitted MESSAGE in {callId}\n{sipp.Report}");
        }

        var stored = await phone.OnLoop(() => phone.Runtime.Messages.MessagesWith("sipp"));
        var expected = Enumerable.Range(1, Messages).Select(n => $"Message {n} under loss");
        Assert.Equal(expected.Order(), stored.Select(m => m.Text.Trim()).Order());
        Assert.Equal(Messages, await phone.OnLoop(() => phone.Runtime.Messages.Count));
    }

    [Fact]
    public async Task ThePhoneCallsSipp_UnderLoss_EveryCallAndMessageCompletes_OnThePhonesRetransmissions()
    {
        const int Calls = 3;

        // SIPp ends after the registration (which lasts until the de-REGISTER), the calls and one message.
        await using var sipp = SippRun.StartServer("lossy-uas", new SippRunOptions { Calls = Calls + 2, LostPercent = LostPercent, Limit = RunLimit });
        await using var phone = await SippPhone.StartAsync(registrar: sipp.EndPoint.ToString());
        await phone.UntilAsync(() => phone.Runtime.Agent.Registration.Status.Phase == RegistrationPhase.Registered, "the phone registered with SIPp");

        for (var i = 1; i <= Calls; i++)
        {
            phone.Hardware.Hook.SetOffHook(true);
            phone.Hardware.Keys.Type("200#");

            // Hanging up before SIPp took an ACK would bring it a BYE it does not expect yet.
            await sipp.UntilLoggedAsync("ACK taken", i);
            await phone.UntilAsync(() => phone.Runtime.Phone.View.Mode == PhoneMode.Connected, $"call {i} connected");
            phone.Hardware.Hook.SetOffHook(false);
            await sipp.UntilTracedAsync(trace => trace.Count(e => e.Sent && e.StartLine.StartsWith("SIP/2.0 200 ", StringComparison.Ordinal) && e.CSeq.EndsWith(" BYE", StringComparison.Ordinal)) >= i, $"SIPp's 200 to the BYE of call {i}");
        }

        KeypadActions.WriteMessage(phone.Hardware.Keys, "200", "2224442666");
        await phone.UntilAsync(() => phone.Runtime.Messages.MessagesWith("200").SingleOrDefault()?.State == MessageState.Delivered, "the message delivered");

        // The de-REGISTER ends SIPp's last call.
        await phone.DisposeAsync();
        Assert.True(await sipp.WaitForExitAsync() == 0, sipp.Report + phone.Log);
        var trace = sipp.Trace;
        var callIds = trace.Where(e => !e.Sent && e.IsRequest("INVITE")).Select(e => e.CallId).Distinct().ToList();
        Assert.Equal(Calls, callIds.Count);
        foreach (var callId in callIds)
        {
            Assert.True(Received(trace, callId, e => e.IsRequest("INVITE")) >= 2, $"the phone did not retransmit its INVITE in {callId}\n{sipp.Report}{phone.Log}");
            Assert.True(Received(trace, callId, e => e.IsRequest("ACK")) >= 2, $"the phone did not send its ACK again for the retransmitted 200 in {callId}\n{sipp.Report}{phone.Log}");
            Assert.True(Received(trace, callId, e => e.IsRequest("BYE")) >= 2, $"the phone did not retransmit its BYE in {callId}\n{sipp.Report}{phone.Log}");
        }

        Assert.True(trace.Count(e => !e.Sent && e.Lost && e.IsRequest("ACK")) >= Calls, $"SIPp dropped fewer ACKs than there were calls\n{sipp.Report}");
        var messageCallId = Assert.Single(trace.Where(e => !e.Sent && e.IsRequest("MESSAGE")).Select(e => e.CallId).Distinct());
        Assert.True(Received(trace, messageCallId, e => e.IsRequest("MESSAGE")) >= 2, $"the phone did not retransmit its MESSAGE\n{sipp.Report}{phone.Log}");
        var statistics = sipp.Statistics;
        Assert.Equal((Calls + 2, 0), (statistics.SuccessfulCalls, statistics.FailedCalls));
    }

    private static int Received(IReadOnlyList<SippTraceEntry> trace, string callId, Func<SippTraceEntry, bool> match) =>
        trace.Count(e => !e.Sent && e.CallId == callId && match(e));

    private static int Sent(IReadOnlyList<SippTraceEntry> trace, string callId, Func<SippTraceEntry, bool> match) =>
        trace.Count(e => e.Sent && e.CallId == callId && match(e));
}
