using DeskPhone.Phone.Messages;
using DeskPhone.Phone.TextEntry;

namespace DeskPhone.Phone.Screens;

/// <summary>
/// Draws the message screens in the words of <paramref name="texts"/>: every row but the last
/// shows content, the last names the soft keys. Pure.
/// </summary>
internal static class MessageScreenRenderer
{
    public static string[] Render(MessageScreen screen, LcdTexts texts, DateTimeOffset now, int columns, int rows)
    {
        var content = rows - 1;
        var (lines, keys) = screen switch
        {
            ConversationListScreen list => List(list, texts, now, columns, content),
            ConversationScreen conversation => Conversation(conversation, texts, now, columns, content),
            RecipientScreen recipient => Recipient(recipient, texts, columns),
            PickScreen pick => Pick(pick, texts, columns, content),
            ComposeScreen compose => Compose(compose, texts, columns, content),
            MessageNoticeScreen notice => Notice(notice, texts, now, columns),
            _ => ([], string.Empty),
        };

        var screenLines = new string[rows];
        for (var row = 0; row < content; row++)
        {
            screenLines[row] = row < lines.Count ? lines[row] : string.Empty;
        }

        screenLines[rows - 1] = keys;
        return screenLines;
    }

    private static (IReadOnlyList<string>, string) List(ConversationListScreen list, LcdTexts texts, DateTimeOffset now, int columns, int content)
    {
        if (list.Conversations.Count == 0)
        {
            return ([texts.NoMessages], LcdText.SoftKeys(columns, string.Empty, texts.KeyNew, string.Empty, texts.KeyBack));
        }

        if (list.ConfirmDelete)
        {
            var name = Name(list.Conversations[list.Selected]);
            return ([texts.DeleteConversation, texts.DeleteConversationWith(name)], LcdText.SoftKeys(columns, texts.KeyYes, string.Empty, string.Empty, texts.KeyNo));
        }

        var rows = Window(list.Conversations, list.Selected, content, (c, selected) =>
        {
            var stamp = ConversationLayout.Stamp(c.LastAt, now);
            var right = c.Unread > 0 ? $"({c.Unread}){stamp}" : stamp;
            return (selected ? ">" : " ") + LcdText.TwoColumns(Name(c), right, columns - 1);
        });
        return (rows, LcdText.SoftKeys(columns, texts.KeyOpen, texts.KeyNew, texts.KeyDelete, texts.KeyBack));
    }

    private static (IReadOnlyList<string>, string) Conversation(ConversationScreen screen, LcdTexts texts, DateTimeOffset now, int columns, int content)
    {
        var lines = ConversationLayout.Lines(screen, texts, now, columns);
        var visible = lines.Skip(screen.Top).Take(content).ToList();
        var failedInView = visible.Any(l => l.Message >= 0 && screen.Messages[l.Message].State == MessageState.Failed);
        return (visible.Select(l => l.Text).ToList(), LcdText.SoftKeys(columns, texts.KeyReply, string.Empty, failedInView ? texts.KeyRetry : string.Empty, texts.KeyBack));
    }

    private static (IReadOnlyList<string>, string) Recipient(RecipientScreen screen, LcdTexts texts, int columns)
    {
        var lines = new List<string> { texts.NewMessage, texts.RecipientPrompt + screen.Digits + "_" };
        if (screen.Matches.Count > 0)
        {
            var shown = screen.Matches[Math.Max(0, screen.Selected)];
            lines.Add((screen.Selected >= 0 ? ">" : " ") + LcdText.TwoColumns(shown.Name, shown.Extension, columns - 1));
        }

        // "OK" and "+" (the contacts, as in the user guide) read the same in every language.
        return (lines, LcdText.SoftKeys(columns, "OK", "+", texts.KeyRecentCalls, texts.KeyBack));
    }

    private static (IReadOnlyList<string>, string) Pick(PickScreen screen, LcdTexts texts, int columns, int content)
    {
        if (screen.Choices.Count == 0)
        {
            return ([screen.Empty], LcdText.SoftKeys(columns, string.Empty, string.Empty, string.Empty, texts.KeyBack));
        }

        var rows = Window(screen.Choices, screen.Selected, content, (c, selected) =>
            (selected ? ">" : " ") + (c.Name == c.Extension ? c.Extension : LcdText.TwoColumns(c.Name, c.Extension, columns - 1)));
        return (rows, LcdText.SoftKeys(columns, texts.KeyPick, string.Empty, string.Empty, texts.KeyBack));
    }

    /// <summary>The text wraps at the display's width; the rows follow the cursor ('_', or the cycling letter itself).</summary>
    private static (IReadOnlyList<string>, string) Compose(ComposeScreen screen, LcdTexts texts, int columns, int content)
    {
        var header = LcdText.TwoColumns(texts.ComposeTo + screen.Name, $"{screen.Mode.Label()} {screen.Remaining}", columns);
        var shown = screen.Cycling ? screen.Text : screen.Text.Insert(screen.Cursor, "_");
        var cursorCell = screen.Cycling ? screen.Cursor - 1 : screen.Cursor;
        var textRows = content - 1;
        var first = Math.Max(0, (cursorCell / columns) - textRows + 1);
        var lines = new List<string> { header };
        for (var row = first; row < first + textRows && row * columns < shown.Length; row++)
        {
            lines.Add(shown.Substring(row * columns, Math.Min(columns, shown.Length - (row * columns))));
        }

        return (lines, LcdText.SoftKeys(columns, texts.KeySend, "<", ">", texts.KeyDelete));
    }

    private static (IReadOnlyList<string>, string) Notice(MessageNoticeScreen notice, LcdTexts texts, DateTimeOffset now, int columns) =>
        ([
            LcdText.TwoColumns(texts.MessageArrived, ConversationLayout.Stamp(notice.At, now), columns),
            notice.Name,
            notice.Text.Replace('\n', ' '),
        ], LcdText.SoftKeys(columns, texts.KeyRead, string.Empty, string.Empty, texts.KeyClose));

    private static string Name(ConversationSummary conversation) => conversation.PeerName ?? conversation.Peer;

    /// <summary>The rows of a list scrolled so the selected item is visible.</summary>
    private static List<string> Window<T>(IReadOnlyList<T> items, int selected, int rows, Func<T, bool, string> format)
    {
        var top = Math.Max(0, selected - rows + 1);
        return items.Skip(top).Take(rows).Select((item, i) => format(item, top + i == selected)).ToList();
    }
}
