namespace DeskPhone.Phone;

/// <summary>
/// What the voicemail server last said of the user's mailbox (RFC 3842 message-summary): whether
/// messages wait, and how many new voice messages when it counts them.
/// </summary>
/// <param name="Waiting">Messages-Waiting: yes.</param>
/// <param name="NewMessages">The new voice messages (Voice-Message new count); null when not given.</param>
public readonly record struct Voicemail(bool Waiting, int? NewMessages);
