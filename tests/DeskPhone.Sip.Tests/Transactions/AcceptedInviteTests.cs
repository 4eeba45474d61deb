using DeskPhone.Sip.Dialogs;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Tests.Dialogs;

namespace DeskPhone.Sip.Tests.Transactions;

/// <summary>
/// The INVITE server transaction after its 2xx (RFC 6026 §7.1, Accepted): a retransmitted INVITE
/// is absorbed instead of ringing the phone again, a CANCEL that crossed the 2xx is answered 200
/// and leaves the call up (RFC 3261 §9.2), and Timer L ends the transaction after 64·T1.
/// </summary>
public sealed class AcceptedInviteTests : IDisposable
{
    private readonly SipTestHarness harness = new();
    private readonly List<SipCall> calls = [];

    public AcceptedInviteTests() =>
        harness.OnLoop(() => harness.Agent.IncomingCall += calls.Add).GetAwaiter().GetResult();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task InviteRetransmittedAfterThe200_IsAbsorbed_OnlyTheDialogRetransmitsThe200()
    {
        await harness.Receive(DialogPeer.Invite());
        await harness.OnLoop(() => calls[0].Answer("v=0\r\n"u8.ToArray()));

        await harness.Receive(DialogPeer.Invite());

        Assert.Single(calls);
        Assert.Single(harness.Transport.Responses(200));
        await harness.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(2, harness.Transport.Responses(200).Count());
    }

    [Fact]
    public async Task CancelCrossingThe200_Gets200_TheCallStaysUp_AndByeEndsIt()
    {
        await harness.Receive(DialogPeer.Invite());
        await harness.OnLoop(() => calls[0].Answer("v=0\r\n"u8.ToArray()));
        var toTag = harness.Transport.Responses(200).Single().To.Tag!;

        await harness.Receive(Cancel());

        Assert.Single(harness.Transport.Responses(200), r => r.CSeq.Method == SipMethods.Cancel);
        Assert.Empty(harness.Transport.Responses(487));
        Assert.Empty(harness.Transport.Responses(481));
        Assert.Equal(CallState.Connected, calls[0].State);

        await harness.Receive(DialogPeer.InDialog(SipMethods.Ack, toTag, 10));
        await harness.Receive(DialogPeer.InDialog(SipMethods.Bye, toTag, 11));
        Assert.Single(harness.Transport.Responses(200), r => r.CSeq.Method == SipMethods.Bye);
        Assert.Equal(CallEndReason.RemoteHangup, calls[0].EndReason);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TimerL_EndsTheAcceptedTransactionAfter64T1_OverEveryTransport(bool reliable)
    {
        using var other = new SipTestHarness(transport: new RecordingTransport(reliable));
        SipCall? call = null;
        await other.OnLoop(() => other.Agent.IncomingCall += c => call = c);
        await other.Receive(DialogPeer.Invite());
        await other.OnLoop(() => call!.Answer("v=0\r\n"u8.ToArray()));
        await other.Receive(DialogPeer.InDialog(SipMethods.Ack, other.Transport.Responses(200).Single().To.Tag!, 10));

        await other.Advance(TimeSpan.FromSeconds(31.9));
        Assert.Equal(1, await other.OnLoop(() => other.Agent.Transactions.Count));
        await other.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(0, await other.OnLoop(() => other.Agent.Transactions.Count));
    }

    private static string Cancel() =>
        "CANCEL sip:101@127.0.0.1:5070 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKinv1;rport\r\n" +
        $"From: <sip:102@deskphone.lab>;tag={DialogPeer.PeerTag}\r\nTo: <sip:101@deskphone.lab>\r\nCall-ID: {DialogPeer.CallId}\r\n" +
        "CSeq: 10 CANCEL\r\nContent-Length: 0\r\n\r\n";
}
