using DeskPhone.Phone.Messages;
using DeskPhone.Phone.Screens;
using DeskPhone.Phone.TextEntry;

namespace DeskPhone.Phone;

/// <summary>Moving between the message screens, and building each from the store.</summary>
public sealed partial class PhoneController
{
    /// <summary>How long a multi-tap key keeps cycling its letters before the letter is fixed.</summary>
    internal static readonly TimeSpan MultiTapTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Longest text the keypad composes: one MESSAGE stays well under RFC 3428 §4's 1300 bytes.</summary>
    internal const int MaxComposeLength = 160;

    private Draft? draft;
    private ITimer? cycleTimer;

    /// <summary>A message screen a call interrupted, shown again when the phone would go idle.</summary>
    private MessageScreen? resumeAfterCall;

    private int ContentRows => hardware.Display.Rows - 1;

    private void OpenMessages()
    {
        endedTimer?.Dispose();
        resumeAfterCall = null;
        ShowScreen(ConversationList(0));
    }

    private void ShowScreen(MessageScreen screen) => Publish(View with { Mode = PhoneMode.Messages, MessageScreen = screen });

    /// <summary>Back: the parent screen with fresh contents, or idle from the top.</summary>
    private void Back(MessageScreen from)
    {
        if (from is ComposeScreen)
        {
            CloseDraft();
        }

        if (from.Parent is { } parent)
        {
            ShowScreen(Refresh(parent));
        }
        else
        {
            GoIdle();
        }
    }

    /// <summary>A call takes the screen: remember where the user was (not a mere notice) to come back after.</summary>
    private void SuspendMessages()
    {
        if (View.Mode == PhoneMode.Messages && View.MessageScreen is not (null or MessageNoticeScreen))
        {
            resumeAfterCall = View.MessageScreen;
        }

        draft?.Entry.Commit();
        cycleTimer?.Dispose();
    }

    /// <summary>The suspended message screen, if a call interrupted one; GoIdle shows it instead of idle.</summary>
    private MessageScreen? TakeResumeScreen()
    {
        var screen = resumeAfterCall;
        resumeAfterCall = null;
        if (screen is null)
        {
            CloseDraft();
        }

        return screen is null ? null : Refresh(screen);
    }

    private MessageScreen Refresh(MessageScreen screen) => screen switch
    {
        ConversationListScreen list => ConversationList(list.Selected),
        ConversationScreen conversation => RefreshConversation(conversation),
        ComposeScreen when draft is not null => ComposeView(),
        _ => screen,
    };

    private ConversationListScreen ConversationList(int selected)
    {
        var conversations = messages.Conversations().Select(c => c with { PeerName = NameOf(c.Peer, c.PeerName) }).ToList();
        return new ConversationListScreen(conversations, Math.Clamp(selected, 0, Math.Max(0, conversations.Count - 1)));
    }

    /// <summary>Opens a conversation at its first unread message (or its end), and marks it read.</summary>
    private ConversationScreen OpenConversation(string peer, MessageScreen? parent)
    {
        var list = messages.MessagesWith(peer);
        var screen = new ConversationScreen(peer, NameOf(peer, list.LastOrDefault(m => m.PeerName is not null)?.PeerName), list, 0) { Parent = parent };
        var firstUnread = list.ToList().FindIndex(m => !m.Read);
        MarkRead(peer);
        return ScrollTo(screen, firstUnread >= 0 ? firstUnread : list.Count - 1);
    }

    /// <summary>New contents; a message that arrived meanwhile is shown (and so read).</summary>
    private ConversationScreen RefreshConversation(ConversationScreen screen)
    {
        var list = messages.MessagesWith(screen.Peer);
        var refreshed = screen with { Messages = list };
        MarkRead(screen.Peer);
        return list.Count > screen.Messages.Count && list.Skip(screen.Messages.Count).Any(m => m.Direction == MessageDirection.Incoming)
            ? ScrollTo(refreshed, screen.Messages.Count)
            : refreshed with { Top = Math.Min(screen.Top, MaxTop(refreshed)) };
    }

    /// <summary>Scrolls so message <paramref name="index"/> starts on the first row, as far as the text allows.</summary>
    private ConversationScreen ScrollTo(ConversationScreen screen, int index)
    {
        var lines = ConversationLayout.Lines(screen, View.Texts, loop.Time.GetLocalNow(), hardware.Display.Columns);
        return screen with { Top = Math.Min(ConversationLayout.FirstLineOf(lines, index), MaxTop(screen)) };
    }

    private int MaxTop(ConversationScreen screen) =>
        Math.Max(0, ConversationLayout.Lines(screen, View.Texts, loop.Time.GetLocalNow(), hardware.Display.Columns).Count - ContentRows);

    private void MarkRead(string peer)
    {
        if (messages.MarkRead(peer) > 0)
        {
            UpdateUnread();
        }
    }

    private RecipientScreen Recipient(string digits, MessageScreen? parent) =>
        new(digits, ContactSearch.Find(contacts.All, digits), -1) { Parent = parent };

    /// <summary>The numbers of recent calls, newest first, each once, named when the call was.</summary>
    private IReadOnlyList<MessageContact> RecentCallers() =>
        History.Records
            .GroupBy(r => r.Number)
            .Select(g => new MessageContact(NameOf(g.Key, g.FirstOrDefault(r => r.Name is not null)?.Name), g.Key))
            .ToList();

    private void StartCompose(string peer, string name, MessageScreen? parent)
    {
        draft = new Draft(peer, name, new MultiTapEntry(loop.Time, MultiTapTimeout, MaxComposeLength), parent);
        ShowScreen(ComposeView());
    }

    private ComposeScreen ComposeView()
    {
        var entry = draft!.Entry;
        return new ComposeScreen(draft.Peer, draft.Name, entry.Text, entry.Cursor, entry.IsCycling, entry.Mode, entry.Remaining) { Parent = draft.Parent };
    }

    private void CloseDraft()
    {
        cycleTimer?.Dispose();
        draft = null;
    }

    /// <summary>The message being written: to whom, its text entry, and the screen Back returns to.</summary>
    private sealed record Draft(string Peer, string Name, MultiTapEntry Entry, MessageScreen? Parent);
}
