using DeskPhone.Phone.Messages;
using DeskPhone.Phone.TextEntry;

namespace DeskPhone.Phone.Screens;

/// <summary>
/// What one of the message screens shows, as part of <see cref="PhoneView"/> while the mode is
/// <see cref="PhoneMode.Messages"/>. <see cref="Parent"/> is where Back returns to.
/// </summary>
public abstract record MessageScreen
{
    public MessageScreen? Parent { get; init; }
}

/// <summary>The conversations, newest first; <see cref="Selected"/> is highlighted.</summary>
public sealed record ConversationListScreen(IReadOnlyList<ConversationSummary> Conversations, int Selected, bool ConfirmDelete = false)
    : MessageScreen;

/// <summary>One conversation, scrolled so that line <see cref="Top"/> of its layout is the first row.</summary>
public sealed record ConversationScreen(string Peer, string Name, IReadOnlyList<StoredMessage> Messages, int Top)
    : MessageScreen;

/// <summary>"To:" of a new message: digits of an extension, and the contacts they match.</summary>
/// <param name="Selected">Index into <see cref="Matches"/>, or -1 when the digits themselves are meant.</param>
public sealed record RecipientScreen(string Digits, IReadOnlyList<MessageContact> Matches, int Selected)
    : MessageScreen;

/// <summary>A list to pick the recipient from: the contacts, or the numbers of recent calls.</summary>
public sealed record PickScreen(string Empty, IReadOnlyList<MessageContact> Choices, int Selected)
    : MessageScreen;

/// <summary>Writing a message with multi-tap: the text, where the cursor is, and the entry mode.</summary>
public sealed record ComposeScreen(string Peer, string Name, string Text, int Cursor, bool Cycling, TextEntryMode Mode, int Remaining)
    : MessageScreen;

/// <summary>A message just arrived while the phone was idle.</summary>
public sealed record MessageNoticeScreen(string Peer, string Name, string Text, DateTimeOffset At)
    : MessageScreen;
