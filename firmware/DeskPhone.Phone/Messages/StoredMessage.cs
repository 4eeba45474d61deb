namespace DeskPhone.Phone.Messages;

public enum MessageDirection
{
    Incoming,
    Outgoing,
}

/// <summary>Where a message stands. Incoming messages are always <see cref="Received"/>.</summary>
public enum MessageState
{
    Received,

    /// <summary>The MESSAGE is on its way; no final answer yet.</summary>
    Sending,

    /// <summary>The far phone answered 2xx (other than 202): it has the text.</summary>
    Delivered,

    /// <summary>202: only a server took the text (RFC 3428 §7); it may or may not reach the phone.</summary>
    Accepted,

    /// <summary>A final failure, or the phone restarted before an answer came. The message stays, marked.</summary>
    Failed,
}

/// <summary>One message as kept on the phone. <see cref="Peer"/> is the other side's extension.</summary>
public sealed record StoredMessage(
    long Id,
    string Peer,
    string? PeerName,
    MessageDirection Direction,
    string Text,
    DateTimeOffset At,
    bool Read,
    MessageState State,
    int? StatusCode = null,
    string? Reason = null);

/// <summary>One line of the conversation list: who, when the newest message was, and how many are unread.</summary>
public sealed record ConversationSummary(string Peer, string? PeerName, DateTimeOffset LastAt, int Unread);
