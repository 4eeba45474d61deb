using System.Text;
using DeskPhone.Sip.Dialogs;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Registration;
using DeskPhone.Sip.Tests.Agent;

namespace DeskPhone.Sip.Tests.Transactions;

/// <summary>
/// RFC 3261 §17.1.4 and §8.1.3.1: when the transport reports that it could not send a client
/// transaction's request, the transaction ends at once and its TU sees a 503, which moves RFC 3263
/// §4.3 failover on without waiting for Timer B or F. Reports that name another message or come
/// after the final response change nothing. On a fake clock that never moves.
/// </summary>
public sealed class TransportFailureTests : IDisposable
{
    private static readonly System.Net.IPEndPoint First = FakeServerResolver.At(1);
    private static readonly System.Net.IPEndPoint Second = FakeServerResolver.At(2);
    private readonly RecordingConnectionTransport transport = new();
    private readonly FakeServerResolver resolver = new();
    private readonly SipTestHarness harness;

    public TransportFailureTests()
    {
        resolver.Answer("pbx.deskphone.lab", TimeSpan.FromHours(1), First, Second);
        harness = new SipTestHarness(transport: transport, configure: ResolutionTests.ByName("pbx.deskphone.lab"), resolver: resolver);
    }

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Register_UnsentToEveryTarget_FailsWith503_AndNoTransactionIsLeft()
    {
        await harness.OnLoop(harness.Agent.Registration.Start);
        await harness.Resolved();

        await Unsent(transport.LastRequest(SipMethods.Register), First);
        await Unsent(transport.LastRequest(SipMethods.Register), Second);

        var status = await harness.OnLoop(() => harness.Agent.Registration.Status);
        Assert.Equal((RegistrationPhase.Failed, 503), (status.Phase, status.StatusCode));
        Assert.Equal(0, await harness.OnLoop(() => harness.Agent.Transactions.Count));
    }

    [Fact]
    public async Task Register_UnsentToTheFirstTarget_GoesToTheSecondAtOnce_AndStaysThere()
    {
        await harness.OnLoop(harness.Agent.Registration.Start);
        await harness.Resolved();
        var first = transport.LastRequest(SipMethods.Register);

        await Unsent(first, First);

        var second = transport.LastRequest(SipMethods.Register);
        Assert.Equal(Second, transport.Sent[^1].Destination);
        Assert.NotEqual(first.TopVia.Branch, second.TopVia.Branch);
        await harness.Receive(Peer.Reply(second, 200, "OK", "r", (HeaderNames.Expires, "3600")), Second);
        Assert.Equal(RegistrationPhase.Registered, (await harness.OnLoop(() => harness.Agent.Registration.Status)).Phase);
        Assert.Equal(Second, await harness.OnLoop(() => harness.Agent.NextHop));
    }

    [Fact]
    public async Task Invite_UnsentToEveryTarget_EndsTheCallWith503_AndSendsNoAck()
    {
        var call = await harness.OnLoop(() => harness.Agent.Dial("200", Encoding.ASCII.GetBytes("v=0\r\n")));
        await harness.Resolved();

        await Unsent(transport.LastRequest(SipMethods.Invite), First);
        await Unsent(transport.LastRequest(SipMethods.Invite), Second);

        Assert.Equal((CallState.Ended, 503), await harness.OnLoop(() => (call.State, call.StatusCode)));
        Assert.Empty(transport.Requests(SipMethods.Ack));
        Assert.Equal(2, transport.Requests(SipMethods.Invite).Count());
    }

    [Fact]
    public async Task Report_ForAnotherDestination_OrAfterTheFinalResponse_ChangesNothing()
    {
        await harness.OnLoop(harness.Agent.Registration.Start);
        await harness.Resolved();
        var register = transport.LastRequest(SipMethods.Register);

        await Unsent(register, Second);
        Assert.Single(transport.Requests(SipMethods.Register));

        await harness.Receive(Peer.Reply(register, 200, "OK", "r", (HeaderNames.Expires, "3600")), First);
        await Unsent(register, First);

        Assert.Single(transport.Requests(SipMethods.Register));
        Assert.Equal(RegistrationPhase.Registered, (await harness.OnLoop(() => harness.Agent.Registration.Status)).Phase);
    }

    /// <summary>The transport reports <paramref name="message"/> to <paramref name="destination"/> unsent; the loop handles it.</summary>
    private async Task Unsent(SipMessage message, System.Net.IPEndPoint destination)
    {
        transport.RaiseSendFailed(message, destination);
        await harness.Drain();
    }
}
