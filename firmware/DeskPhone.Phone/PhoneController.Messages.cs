using System.Text;
using DeskPhone.Phone.Messages;
using DeskPhone.Phone.Screens;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Messaging;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Phone;

/// <summary>Text messages in and out (RFC 3428 pager mode): store first, then answer, then tell the user.</summary>
public sealed partial class PhoneController
{
    /// <summary>How long the ringer sounds for a new message: a short alert, not a ring.</summary>
    internal static readonly TimeSpan MessageAlertTime = TimeSpan.FromMilliseconds(400);

    private const string TextContentType = "text/plain;charset=UTF-8";

    private readonly List<(IncomingPagerMessage Message, string Text)> pendingIncoming = [];
    private ITimer? alertTimer;

    /// <summary>
    /// The receive policy, then the store, then the answer: a 200 goes out only once the text is on
    /// disk, so a sender told "OK" never loses it, whatever happens to the phone next.
    /// THREAD: signalling loop (SipUserAgent.MessageReceived).
    /// </summary>
    private void OnMessageReceived(IncomingPagerMessage incoming)
    {
        if (!PagerText.TryDecode(incoming.ContentType, incoming.Body.Span, messageOptions.MaxTextBytes, out var text, out var rejection))
        {
            logger.LogInformation("Refused a message from {Peer}: {Code} {Reason}", incoming.FromUser, rejection.StatusCode, rejection.ReasonPhrase);
            if (rejection.OfferAcceptHeader)
            {
                incoming.Reject(rejection.StatusCode, rejection.ReasonPhrase, new SipHeader(HeaderNames.Accept, PagerText.MediaType));
            }
            else
            {
                incoming.Reject(rejection.StatusCode, rejection.ReasonPhrase);
            }

            return;
        }

        // Group commit: messages that arrive while this one waits for the loop are stored with it
        // in one transaction (one write to disk) before any of them is answered.
        pendingIncoming.Add((incoming, text));
        if (pendingIncoming.Count == 1)
        {
            loop.Post(StorePendingIncoming);
        }
    }

    /// <summary>Stores the messages received since the last store, then answers each. THREAD: signalling loop.</summary>
    private void StorePendingIncoming()
    {
        var batch = pendingIncoming.ToArray();
        pendingIncoming.Clear();
        var now = loop.Time.GetUtcNow();
        var results = messages.StoreIncoming([.. batch.Select(b => new IncomingText(b.Message.Id, b.Message.FromUser, b.Message.From.DisplayName, b.Text, now))]);
        for (var i = 0; i < batch.Length; i++)
        {
            Answer(batch[i].Message, results[i]);
        }
    }

    private void Answer(IncomingPagerMessage incoming, IncomingStoreResult result)
    {
        var peer = incoming.FromUser;
        switch (result.Outcome)
        {
            case IncomingStoreOutcome.Stored:
                incoming.Accept();
                logger.LogInformation("Message from {Peer} stored", peer);
                OnNewMessage(result.Stored!);
                break;
            case IncomingStoreOutcome.Duplicate:
                // A retransmission of what we already keep: the sender missed our 200, so answer again.
                incoming.Accept();
                break;
            case IncomingStoreOutcome.Full:
                logger.LogWarning("Refused a message from {Peer}: the store is full of unread messages", peer);
                incoming.Reject(480, "Temporarily Unavailable - message store full");
                break;
            default:
                incoming.Reject(500, "Server Internal Error - message store failed");
                break;
        }
    }

    private void OnNewMessage(StoredMessage message)
    {
        UpdateUnread();
        switch (View.Mode)
        {
            case PhoneMode.Idle or PhoneMode.Ended when !View.OffHook:
                endedTimer?.Dispose();
                ShowScreen(new MessageNoticeScreen(message.Peer, NameOf(message.Peer, message.PeerName), message.Text, message.At));
                Alert();
                break;
            case PhoneMode.Messages when View.MessageScreen is MessageNoticeScreen:
                ShowScreen(new MessageNoticeScreen(message.Peer, NameOf(message.Peer, message.PeerName), message.Text, message.At));
                Alert();
                break;
            case PhoneMode.Messages:
                ShowScreen(Refresh(View.MessageScreen!));
                Alert();
                break;
            default:
                // In a call or dialling: only the LED and the count at the end of the bottom row.
                Publish(View);
                break;
        }
    }

    /// <summary>A short burst of the ringer, never while a call or a lifted handset could hear it.</summary>
    private void Alert()
    {
        if (current is not null || View.OffHook)
        {
            return;
        }

        alertTimer?.Dispose();
        hardware.Ringer.StartRinging();
        alertTimer = loop.Schedule(MessageAlertTime, () =>
        {
            if (current is null)
            {
                hardware.Ringer.StopRinging();
            }
        });
    }

    /// <summary>Keeps the unread count in <see cref="View"/>, and so the message LED, in step with the store.</summary>
    private void UpdateUnread()
    {
        View = View with { UnreadMessages = messages.UnreadCount };
        UpdateMessageWaiting();
    }

    /// <summary>Stores the text (state "sending") and sends it; false when it could not be stored.</summary>
    private bool Send(string peer, string? name, string text)
    {
        var stored = messages.AddOutgoing(peer, name, text, loop.Time.GetUtcNow());
        if (stored is null)
        {
            return false;
        }

        Transmit(stored);
        return true;
    }

    private void Resend(StoredMessage message)
    {
        if (messages.SetState(message.Id, MessageState.Sending, null, null))
        {
            Transmit(message);
        }
    }

    private void Transmit(StoredMessage message)
    {
        logger.LogInformation("Sending a message to {Peer}", message.Peer);
        var outgoing = agent.SendMessage(message.Peer, TextContentType, Encoding.UTF8.GetBytes(message.Text));
        outgoing.Completed += done => OnDelivery(message, done);
    }

    /// <summary>THREAD: signalling loop (OutgoingPagerMessage.Completed).</summary>
    private void OnDelivery(StoredMessage message, OutgoingPagerMessage done)
    {
        var state = done.State != PagerDelivery.Accepted ? MessageState.Failed
            : done.StatusCode == 202 ? MessageState.Accepted
            : MessageState.Delivered;
        messages.SetState(message.Id, state, done.StatusCode, done.ReasonPhrase);
        logger.LogInformation("Message to {Peer}: {State} ({Code} {Reason})", message.Peer, state, done.StatusCode, done.ReasonPhrase);
        if (View.Mode == PhoneMode.Messages)
        {
            ShowScreen(Refresh(View.MessageScreen!));
        }
    }

    /// <summary>The name to show for an extension: the contact list first, then what the messages said.</summary>
    private string NameOf(string peer, string? storedName) =>
        contacts.All.FirstOrDefault(c => c.Extension == peer)?.Name ?? storedName ?? peer;
}
