using DeskPhone.Sip.Registration;
using DeskPhone.Sip.Subscriptions;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeskPhone.Interop.Tests.Sipp;

/// <summary>
/// The phone's message-waiting subscription (RFC 3842 over RFC 6665) against SIPp playing the
/// registrar and voicemail server on 127.0.0.1 (Scenarios/mwi-uas.xml): the SUBSCRIBE is
/// challenged and SIPp checks the digest (verifyauth), accepts it, notifies two new and eight
/// old voice messages in the new dialog, and takes the un-SUBSCRIBE. The host does not start
/// the subscription yet, so the test starts it on the phone's own agent.
/// </summary>
public sealed class SippMessageWaitingTests
{
    [Fact]
    public async Task VoicemailServerChallengesAndNotifies_ThePhoneAuthenticatesShowsTheCountsAndUnsubscribes()
    {
        // SIPp ends after the registration (until the de-REGISTER) and the subscription.
        await using var sipp = SippRun.StartServer("mwi-uas", new SippRunOptions { Calls = 2 });
        await using var phone = await SippPhone.StartAsync(registrar: sipp.EndPoint.ToString());
        await phone.UntilAsync(() => phone.Runtime.Agent.Registration.Status.Phase == RegistrationPhase.Registered, "the phone registered with SIPp");

        var changes = new List<MessageWaitingState>();
        var subscription = await phone.OnLoop(() =>
        {
            var created = new MessageWaitingSubscription(phone.Runtime.Agent, MessageWaitingOptions.Default, NullLogger<MessageWaitingSubscription>.Instance);
            created.MessageWaitingChanged += changes.Add;
            created.Start();
            return created;
        });

        await sipp.UntilLoggedAsync("NOTIFY answered", 1);
        await phone.UntilAsync(() => subscription.State is not null, "the message-waiting state");
        var state = await phone.OnLoop(() => subscription.State);
        Assert.Equal(new MessageWaitingState(true, $"sip:101@127.0.0.1", new MessageCounts(2, 8, 0, 0)), state);
        Assert.Equal(SubscriptionPhase.Active, await phone.OnLoop(() => subscription.Phase));
        Assert.Single(await phone.OnLoop(() => changes.ToList()));

        await (await phone.OnLoop(subscription.Stop));
        await sipp.UntilLoggedAsync("final NOTIFY answered", 1);

        await phone.DisposeAsync();
        Assert.True(await sipp.WaitForExitAsync() == 0, sipp.Report + phone.Log);
        var trace = sipp.Trace;
        var subscribes = trace.Where(e => !e.Sent && e.IsRequest("SUBSCRIBE")).ToList();
        Assert.Equal(3, subscribes.Count);
        Assert.Single(subscribes.Select(e => e.CallId).Distinct());
        Assert.True(trace.Count(e => e.Sent && e.StartLine.StartsWith("SIP/2.0 401 ", StringComparison.Ordinal)) == 1, sipp.Report);
        Assert.True(trace.Count(e => !e.Sent && e.IsResponse(200, "1 NOTIFY")) >= 1, sipp.Report);
        Assert.True(trace.Count(e => !e.Sent && e.IsResponse(200, "2 NOTIFY")) >= 1, sipp.Report);
        Assert.Equal((2, 0), (sipp.Statistics.SuccessfulCalls, sipp.Statistics.FailedCalls));
    }
}
