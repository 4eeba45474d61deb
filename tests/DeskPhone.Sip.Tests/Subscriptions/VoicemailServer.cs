using System.Text;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Subscriptions;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeskPhone.Sip.Tests.Subscriptions;

/// <summary>
/// A <see cref="MessageWaitingSubscription"/> on a <see cref="SipTestHarness"/>, with what a
/// voicemail server would answer and send: 2xx and challenges to its SUBSCRIBEs, NOTIFYs in its
/// dialog. Records every state the subscription raises.
/// </summary>
internal sealed class VoicemailServer : IDisposable
{
    public const string ServerTag = "vm-tag";
    public const string ServerContact = "<sip:vm@127.0.0.1:5060>";
    public const string Summary = "Messages-Waiting: yes\r\nMessage-Account: sip:*97@deskphone.lab\r\nVoice-Message: 2/8 (1/0)\r\n";

    private int notifySequence;

    public VoicemailServer(MessageWaitingOptions? options = null)
    {
        Subscription = new MessageWaitingSubscription(Harness.Agent, options ?? MessageWaitingOptions.Default, NullLogger<MessageWaitingSubscription>.Instance);
        Subscription.NextJitter = () => 1;
        Subscription.MessageWaitingChanged += Changes.Add;
    }

    public SipTestHarness Harness { get; } = new();

    public MessageWaitingSubscription Subscription { get; }

    public List<MessageWaitingState> Changes { get; } = [];

    public IReadOnlyList<SipRequest> Subscribes => Harness.Transport.Requests("SUBSCRIBE").ToList();

    public SipRequest LastSubscribe => Harness.Transport.LastRequest("SUBSCRIBE");

    /// <summary>The last answer the phone gave to a NOTIFY.</summary>
    public SipResponse LastNotifyAnswer => Harness.Transport.Sent.Select(s => s.Message).OfType<SipResponse>().Last(r => r.CSeq.Method == SipMethods.Notify);

    public Task Start() => Harness.OnLoop(Subscription.Start);

    public Task<SubscriptionPhase> Phase() => Harness.OnLoop(() => Subscription.Phase);

    /// <summary>Answers the last SUBSCRIBE with 200, our tag and Contact, granting <paramref name="expires"/>.</summary>
    public Task Accept(int expires = 3600) =>
        Harness.Receive(Peer.Reply(LastSubscribe, 200, "OK", ServerTag, (HeaderNames.Expires, expires.ToString(System.Globalization.CultureInfo.InvariantCulture)), (HeaderNames.Contact, ServerContact)));

    public Task Answer(int code, string reason, params (string Name, string Value)[] headers) =>
        Harness.Receive(Peer.Reply(LastSubscribe, code, reason, ServerTag, headers));

    /// <summary>Starts and answers the SUBSCRIBE with 200 and a first NOTIFY carrying <see cref="Summary"/>.</summary>
    public async Task Subscribe(int expires = 3600)
    {
        await Start();
        await Accept(expires);
        await Notify(Summary, $"active;expires={expires}");
    }

    /// <summary>A NOTIFY in the dialog of the current subscription (its Call-ID and our tag), unless told otherwise.</summary>
    public Task Notify(
        string body,
        string? state = "active;expires=3600",
        string eventHeader = "message-summary",
        string fromTag = ServerTag,
        string? callId = null,
        string? toTag = null,
        string contentType = MessageWaitingSubscription.SummaryType)
    {
        var subscribe = LastSubscribe;
        var sequence = ++notifySequence;
        var text = new StringBuilder()
            .Append("NOTIFY sip:101@127.0.0.1:5070 SIP/2.0\r\n")
            .Append($"Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKvm{sequence}{Guid.NewGuid():N}\r\n")
            .Append("Max-Forwards: 70\r\n")
            .Append($"From: <sip:101@deskphone.lab>;tag={fromTag}\r\n")
            .Append($"To: <sip:101@deskphone.lab>;tag={toTag ?? subscribe.From.Tag}\r\n")
            .Append($"Call-ID: {callId ?? subscribe.CallId}\r\n")
            .Append($"CSeq: {sequence} NOTIFY\r\n")
            .Append($"Contact: {ServerContact}\r\n")
            .Append($"Event: {eventHeader}\r\n");
        if (state is not null)
        {
            text.Append($"Subscription-State: {state}\r\n");
        }

        if (body.Length > 0)
        {
            text.Append($"Content-Type: {contentType}\r\n");
        }

        text.Append($"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");
        return Harness.Receive(text.ToString());
    }

    public void Dispose() => Harness.Dispose();
}
