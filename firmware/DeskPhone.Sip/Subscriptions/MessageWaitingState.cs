namespace DeskPhone.Sip.Subscriptions;

/// <summary>
/// What the voicemail server last said (RFC 3842 §5): whether messages wait for the account,
/// the account it speaks for when it named one, and the voice-message counts when it gave them.
/// </summary>
/// <param name="Waiting">Messages-Waiting: yes; the phone lights its message LED.</param>
/// <param name="Account">Message-Account, the mailbox's URI; null when not given.</param>
/// <param name="Voice">The Voice-Message line; null when the server sent none.</param>
public sealed record MessageWaitingState(bool Waiting, string? Account, MessageCounts? Voice);

/// <summary>
/// One message-summary line (RFC 3842 §5.2): new and old messages, and the urgent ones among
/// them, which are zero when the server gave no parenthesised part.
/// </summary>
public readonly record struct MessageCounts(int New, int Old, int UrgentNew, int UrgentOld);
