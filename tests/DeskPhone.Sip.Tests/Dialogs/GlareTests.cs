using DeskPhone.Sip.Dialogs;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Tests.Dialogs;

/// <summary>re-INVITE glare on a call the peer placed (RFC 3261 §14.1): we do not own the Call-ID, so we retry within 0–2 s.</summary>
public sealed class GlareTests : IDisposable
{
    private readonly SipTestHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task CrossingReInvites_BothGet491_OursIsRetriedWithin2s()
    {
        var (call, toTag) = await DialogPeer.ConnectedIncomingCall(harness);
        await harness.OnLoop(() => call.Reoffer("v=0\r\na=sendonly\r\n"u8.ToArray()));
        var ours = harness.Transport.LastRequest(SipMethods.Invite);

        await harness.Receive(DialogPeer.InDialog(SipMethods.Invite, toTag, 11, "v=0\r\n"));
        await harness.Receive(Peer.Reply(ours, 491, "Request Pending", DialogPeer.PeerTag));

        Assert.Single(harness.Transport.Responses(491), r => r.CSeq.Number == 11);
        Assert.Equal(ours.TopVia.Branch, harness.Transport.LastRequest(SipMethods.Ack).TopVia.Branch);
        Assert.True(call.ReofferInProgress);
        await harness.Advance(TimeSpan.FromSeconds(2));
        var retry = harness.Transport.LastRequest(SipMethods.Invite);
        Assert.Equal(ours.CSeq.Number + 1, retry.CSeq.Number);
        Assert.Equal("v=0\r\na=sendonly\r\n"u8.ToArray(), retry.Body.ToArray());
    }
}
