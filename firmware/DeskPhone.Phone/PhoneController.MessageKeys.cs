using DeskPhone.Hal;
using DeskPhone.Phone.Messages;
using DeskPhone.Phone.Screens;

namespace DeskPhone.Phone;

/// <summary>
/// Keys on the message screens. Soft keys act as labelled on the bottom row; OK and Send confirm,
/// Back goes up one screen, Up/Down move; End (handled before) leaves for the idle screen.
/// </summary>
public sealed partial class PhoneController
{
    private void OnMessageKey(PhoneKey key)
    {
        switch (View.MessageScreen)
        {
            case ConversationListScreen list:
                OnListKey(list, key);
                break;
            case ConversationScreen conversation:
                OnConversationKey(conversation, key);
                break;
            case RecipientScreen recipient:
                OnRecipientKey(recipient, key);
                break;
            case PickScreen pick:
                OnPickKey(pick, key);
                break;
            case ComposeScreen compose:
                OnComposeKey(compose, key);
                break;
            case MessageNoticeScreen notice:
                OnNoticeKey(notice, key);
                break;
        }
    }

    private void OnListKey(ConversationListScreen list, PhoneKey key)
    {
        var any = list.Conversations.Count > 0;
        if (list.ConfirmDelete)
        {
            switch (key)
            {
                case PhoneKey.Soft1 or PhoneKey.Ok:
                    messages.DeleteConversation(list.Conversations[list.Selected].Peer);
                    UpdateUnread();
                    ShowScreen(ConversationList(list.Selected));
                    break;
                case PhoneKey.Soft4 or PhoneKey.Back:
                    ShowScreen(list with { ConfirmDelete = false });
                    break;
            }

            return;
        }

        switch (key)
        {
            case PhoneKey.Up when any:
                ShowScreen(list with { Selected = Math.Max(0, list.Selected - 1) });
                break;
            case PhoneKey.Down when any:
                ShowScreen(list with { Selected = Math.Min(list.Conversations.Count - 1, list.Selected + 1) });
                break;
            case PhoneKey.Soft1 or PhoneKey.Ok or PhoneKey.Send when any:
                ShowScreen(OpenConversation(list.Conversations[list.Selected].Peer, list));
                break;
            case PhoneKey.Soft2:
                ShowScreen(Recipient(string.Empty, list));
                break;
            case PhoneKey.Soft3 when any:
                ShowScreen(list with { ConfirmDelete = true });
                break;
            case PhoneKey.Soft4 or PhoneKey.Back:
                Back(list);
                break;
        }
    }

    private void OnConversationKey(ConversationScreen screen, PhoneKey key)
    {
        switch (key)
        {
            case PhoneKey.Up:
                ShowScreen(screen with { Top = Math.Max(0, screen.Top - 1) });
                break;
            case PhoneKey.Down:
                ShowScreen(screen with { Top = Math.Min(MaxTop(screen), screen.Top + 1) });
                break;
            case PhoneKey.Soft1 or PhoneKey.Ok or PhoneKey.Send:
                StartCompose(screen.Peer, screen.Name, screen);
                break;
            case PhoneKey.Soft3 when FailedInView(screen) is { } failed:
                Resend(failed);
                ShowScreen(RefreshConversation(screen));
                break;
            case PhoneKey.Soft4 or PhoneKey.Back:
                Back(screen);
                break;
        }
    }

    /// <summary>The newest message not delivered among those on the display, which Retry sends again.</summary>
    private StoredMessage? FailedInView(ConversationScreen screen) =>
        ConversationLayout.Lines(screen, View.Texts, loop.Time.GetLocalNow(), hardware.Display.Columns)
            .Skip(screen.Top)
            .Take(ContentRows)
            .Where(l => l.Message >= 0 && screen.Messages[l.Message].State == MessageState.Failed)
            .Select(l => screen.Messages[l.Message])
            .LastOrDefault();

    private void OnRecipientKey(RecipientScreen screen, PhoneKey key)
    {
        switch (key)
        {
            case >= PhoneKey.Digit0 and <= PhoneKey.Digit9 when screen.Digits.Length < options.MaxDialDigits:
                ShowScreen(Recipient(screen.Digits + key.DialChar(), screen.Parent));
                break;
            case PhoneKey.Back when screen.Digits.Length > 0:
                ShowScreen(Recipient(screen.Digits[..^1], screen.Parent));
                break;
            case PhoneKey.Up or PhoneKey.Down when screen.Matches.Count > 0:
                var step = key == PhoneKey.Down ? 1 : -1;
                var selected = ((screen.Selected + 1 + step + screen.Matches.Count + 1) % (screen.Matches.Count + 1)) - 1;
                ShowScreen(screen with { Selected = selected });
                break;
            case PhoneKey.Soft1 or PhoneKey.Ok or PhoneKey.Send or PhoneKey.Pound:
                if (screen.Selected >= 0)
                {
                    StartCompose(screen.Matches[screen.Selected].Extension, screen.Matches[screen.Selected].Name, screen);
                }
                else if (screen.Digits.Length > 0)
                {
                    StartCompose(screen.Digits, NameOf(screen.Digits, null), screen);
                }

                break;
            case PhoneKey.Soft2 or PhoneKey.Contacts:
                ShowScreen(new PickScreen(View.Texts.NoContacts, contacts.All.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList(), 0) { Parent = screen });
                break;
            case PhoneKey.Soft3 or PhoneKey.History:
                ShowScreen(new PickScreen(View.Texts.NoRecentCalls, RecentCallers(), 0) { Parent = screen });
                break;
            case PhoneKey.Soft4 or PhoneKey.Back:
                Back(screen);
                break;
        }
    }

    private void OnPickKey(PickScreen screen, PhoneKey key)
    {
        var any = screen.Choices.Count > 0;
        switch (key)
        {
            case PhoneKey.Up when any:
                ShowScreen(screen with { Selected = Math.Max(0, screen.Selected - 1) });
                break;
            case PhoneKey.Down when any:
                ShowScreen(screen with { Selected = Math.Min(screen.Choices.Count - 1, screen.Selected + 1) });
                break;
            case PhoneKey.Soft1 or PhoneKey.Ok or PhoneKey.Send when any:
                var choice = screen.Choices[screen.Selected];
                StartCompose(choice.Extension, choice.Name, screen.Parent);
                break;
            case PhoneKey.Soft4 or PhoneKey.Back:
                Back(screen);
                break;
        }
    }

    private void OnComposeKey(ComposeScreen screen, PhoneKey key)
    {
        var entry = draft!.Entry;
        switch (key)
        {
            case PhoneKey.Soft1 or PhoneKey.Send:
                SendDraft();
                return;
            case PhoneKey.Back when entry.Text.Length == 0:
                Back(screen);
                return;
            case PhoneKey.Back or PhoneKey.Soft4:
                entry.Backspace();
                break;
            case PhoneKey.Soft2:
                entry.MoveCursor(-1);
                break;
            case PhoneKey.Soft3:
                entry.MoveCursor(1);
                break;
            case PhoneKey.Up:
                entry.MoveCursor(-hardware.Display.Columns);
                break;
            case PhoneKey.Down:
                entry.MoveCursor(hardware.Display.Columns);
                break;
            case PhoneKey.Ok:
                entry.Commit();
                break;
            default:
                if (!entry.Press(key))
                {
                    return;
                }

                break;
        }

        ShowScreen(ComposeView());
        ScheduleCycleEnd();
    }

    /// <summary>While a letter cycles, redraw when its time is up so the cursor moves on by itself.</summary>
    private void ScheduleCycleEnd()
    {
        cycleTimer?.Dispose();
        if (draft?.Entry.IsCycling == true)
        {
            cycleTimer = loop.Schedule(MultiTapTimeout, () =>
            {
                if (View.MessageScreen is ComposeScreen && draft is not null)
                {
                    ShowScreen(ComposeView());
                }
            });
        }
    }

    private void SendDraft()
    {
        var current = draft!;
        current.Entry.Commit();
        var text = current.Entry.Text.Trim();
        if (text.Length == 0 || !Send(current.Peer, current.Name == current.Peer ? null : current.Name, text))
        {
            return;
        }

        CloseDraft();

        // The conversation shows the new message and its state as it changes; Back leads to the list.
        ShowScreen(OpenConversation(current.Peer, ConversationList(0)));
    }

    private void OnNoticeKey(MessageNoticeScreen notice, PhoneKey key)
    {
        switch (key)
        {
            case PhoneKey.Soft1 or PhoneKey.Ok or PhoneKey.Send or PhoneKey.Messages:
                ShowScreen(OpenConversation(notice.Peer, ConversationList(0)));
                break;
            case PhoneKey.Soft4 or PhoneKey.Back:
                GoIdle();
                break;
            case var other when other.DialChar() is { } digit:
                // As on the idle screen, digits start dialling.
                StartDialing();
                AddDigit(digit);
                break;
        }
    }
}
