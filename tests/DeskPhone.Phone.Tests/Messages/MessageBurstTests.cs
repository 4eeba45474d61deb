using DeskPhone.Phone.Messages;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Phone.Tests.Messages;

/// <summary>
/// A burst of messages is stored together (one transaction, one write to disk) before any is
/// answered, and still every one answered 200 is kept exactly once.
/// </summary>
public sealed class MessageBurstTests : IDisposable
{
    private readonly PhoneTestRig rig = new(messageOptions: new MessagesOptions { MaxStoredMessages = 500 });

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task BurstArrivingTogether_IsAnsweredOnceStored_EveryMessageKeptOnce()
    {
        await rig.Start();

        // All queued on the loop before the first is handled: they wait for the same store.
        for (var i = 0; i < 50; i++)
        {
            rig.Agent.ReceiveDatagram(Far.Message($"burst {i}", callId: $"b{i}"), PhoneTestRig.Pbx);
        }

        rig.Agent.ReceiveDatagram(Far.Message("burst 7", callId: "b7"), PhoneTestRig.Pbx);
        await rig.Drain();

        // The retransmitted b7 is absorbed while its transaction waits, or answered 200 again once it has its answer.
        Assert.Equal(50, rig.Transport.Responses(200).Where(r => r.CSeq.Method == SipMethods.Message).Select(r => r.CallId).Distinct().Count());
        var kept = await rig.Stored(s => s.MessagesWith("102"));
        Assert.Equal(50, kept.Count);
        Assert.Equal(50, kept.Select(m => m.Text).Distinct().Count());
    }
}
