using System.Text;
using DeskPhone.Sip.Dialogs;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Messaging;
using DeskPhone.Sip.Registration;

namespace DeskPhone.Sip.Tests.Agent;

/// <summary>
/// RFC 3263 §4.3: a request that times out (Timer B or F) or gets 503 goes to the registrar's next
/// address as a new transaction, and later requests stick to the address that answered.
/// </summary>
public sealed class FailoverTests : IDisposable
{
    private static readonly TimeSpan TransactionTimeout = TimeSpan.FromSeconds(32);
    private static readonly byte[] Offer = Encoding.ASCII.GetBytes("v=0\r\n");
    private static readonly System.Net.IPEndPoint First = FakeServerResolver.At(1);
    private static readonly System.Net.IPEndPoint Second = FakeServerResolver.At(2);
    private readonly FakeServerResolver resolver = new();
    private readonly SipTestHarness harness;

    public FailoverTests()
    {
        resolver.Answer("pbx.deskphone.lab", TimeSpan.FromHours(1), First, Second);
        harness = new SipTestHarness(configure: ResolutionTests.ByName("pbx.deskphone.lab"), resolver: resolver);
        harness.Agent.Registration.NextJitter = () => 1;
    }

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Register_TimesOut_GoesToTheNextAddressWithANewBranch_AndRefreshesStayThere()
    {
        await harness.OnLoop(harness.Agent.Registration.Start);
        await harness.Resolved();
        var first = Last(SipMethods.Register, First);

        await harness.Advance(TransactionTimeout);

        var second = Last(SipMethods.Register, Second);
        Assert.NotEqual(first.TopVia.Branch, second.TopVia.Branch);
        Assert.Equal(first.CallId, second.CallId);
        Assert.Equal(first.CSeq, second.CSeq);
        Assert.Equal(RegistrationPhase.Registering, (await Status()).Phase);

        await harness.Receive(Peer.Reply(second, 200, "OK", "r", (HeaderNames.Expires, "120")), Second);
        Assert.Equal(RegistrationPhase.Registered, (await Status()).Phase);
        Assert.Equal(Second, await harness.OnLoop(() => harness.Agent.NextHop));

        var before = harness.Transport.Requests(SipMethods.Register).Count();
        await harness.Advance(TimeSpan.FromSeconds(96));
        Assert.Equal(before + 1, harness.Transport.Requests(SipMethods.Register).Count());
        Assert.Equal(Second, harness.Transport.Sent[^1].Destination);
    }

    [Fact]
    public async Task Register_503_GoesToTheNextAddressAtOnce()
    {
        await harness.OnLoop(harness.Agent.Registration.Start);
        await harness.Resolved();

        await harness.Receive(Peer.Reply(Last(SipMethods.Register, First), 503, "Service Unavailable", "r"), First);

        var second = Last(SipMethods.Register, Second);
        await harness.Receive(Peer.Reply(second, 200, "OK", "r", (HeaderNames.Expires, "3600")), Second);
        Assert.Equal(RegistrationPhase.Registered, (await Status()).Phase);
    }

    [Fact]
    public async Task Register_EveryAddressSilent_Fails408_AndTheRetryStartsFromTheFirstAgain()
    {
        await harness.OnLoop(harness.Agent.Registration.Start);
        await harness.Resolved();
        await harness.Advance(TransactionTimeout);
        await harness.Advance(TransactionTimeout);

        var status = await Status();
        Assert.Equal(RegistrationPhase.Failed, status.Phase);
        Assert.Equal(408, status.StatusCode);

        var before = harness.Transport.Requests(SipMethods.Register).Select(r => r.TopVia.Branch).Distinct().Count();
        await harness.Advance(RegistrationClient.FirstRetryDelay);
        var branches = harness.Transport.Requests(SipMethods.Register).Select(r => r.TopVia.Branch).Distinct().Count();
        Assert.Equal(before + 1, branches);
        Assert.Equal(First, harness.Transport.Sent[^1].Destination);
    }

    [Fact]
    public async Task Invite_TimesOut_GoesToTheNextAddress_AndTheCancelFollowsIt()
    {
        var call = await harness.OnLoop(() => harness.Agent.Dial("200", Offer));
        await harness.Resolved();
        var first = Last(SipMethods.Invite, First);

        await harness.Advance(TransactionTimeout);

        var second = Last(SipMethods.Invite, Second);
        Assert.NotEqual(first.TopVia.Branch, second.TopVia.Branch);
        Assert.Equal(first.CSeq, second.CSeq);
        Assert.Equal(Offer, second.Body.ToArray());
        Assert.Equal(CallState.Calling, await harness.OnLoop(() => call.State));

        await harness.Receive(Peer.Reply(second, 180, "Ringing", "callee"), Second);
        Assert.Equal(CallState.Ringing, await harness.OnLoop(() => call.State));
        await harness.OnLoop(call.Hangup);

        var cancel = Last(SipMethods.Cancel, Second);
        Assert.Equal(second.TopVia.Branch, cancel.TopVia.Branch);
    }

    [Fact]
    public async Task Message_503FromEveryAddress_FailsWithThe503()
    {
        var message = await harness.OnLoop(() => harness.Agent.SendMessage("102", "text/plain", "hi"u8.ToArray()));
        await harness.Resolved();
        await harness.Receive(Peer.Reply(Last(SipMethods.Message, First), 503, "Service Unavailable", "m"), First);
        Assert.Equal(PagerDelivery.Sending, await harness.OnLoop(() => message.State));

        await harness.Receive(Peer.Reply(Last(SipMethods.Message, Second), 503, "Service Unavailable", "m"), Second);

        Assert.Equal(PagerDelivery.Failed, await harness.OnLoop(() => message.State));
        Assert.Equal(503, message.StatusCode);
    }

    [Fact]
    public async Task Registered_ACallFindsTheRegistrarSilent_RegistersWithTheNextAddressAtOnce()
    {
        await harness.OnLoop(harness.Agent.Registration.Start);
        await harness.Resolved();
        await harness.Receive(Peer.Reply(Last(SipMethods.Register, First), 200, "OK", "r", (HeaderNames.Expires, "3600")), First);
        await harness.OnLoop(() => harness.Agent.Dial("200", Offer));

        await harness.Advance(TransactionTimeout);

        // Calls to us would still be routed by the silent registrar: the binding moves with the call.
        Last(SipMethods.Invite, Second);
        var register = Last(SipMethods.Register, Second);
        await harness.Receive(Peer.Reply(register, 200, "OK", "r", (HeaderNames.Expires, "3600")), Second);
        Assert.Equal(RegistrationPhase.Registered, (await Status()).Phase);
    }

    [Fact]
    public async Task Unregister_TimesOut_StaysWithTheAddressThatHasTheBinding()
    {
        await harness.OnLoop(harness.Agent.Registration.Start);
        await harness.Resolved();
        await harness.Receive(Peer.Reply(Last(SipMethods.Register, First), 200, "OK", "r", (HeaderNames.Expires, "3600")), First);

        var unregistered = await harness.OnLoop(harness.Agent.Registration.Stop);
        Assert.Equal("0", Last(SipMethods.Register, First).Get(HeaderNames.Expires));
        await harness.Advance(TransactionTimeout);

        await unregistered;
        Assert.DoesNotContain(harness.Transport.Sent, s => s.Destination.Equals(Second));
    }

    private Task<RegistrationStatus> Status() => harness.OnLoop(() => harness.Agent.Registration.Status);

    /// <summary>The last <paramref name="method"/> request sent, which must have gone to <paramref name="destination"/>.</summary>
    private SipRequest Last(string method, System.Net.IPEndPoint destination)
    {
        var (message, sentTo) = harness.Transport.Sent.Last(s => s.Message is SipRequest request && request.Method == method);
        Assert.Equal(destination, sentTo);
        return (SipRequest)message;
    }
}
