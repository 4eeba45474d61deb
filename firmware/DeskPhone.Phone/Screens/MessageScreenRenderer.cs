using DeskPhone.Phone.Messages;
using DeskPhone.Phone.TextEntry;

namespace DeskPhone.Phone.Screens;

/// <summary>Draws the message screens: every row but the last shows content, the last names the soft keys. Pure.</summary>
internal static class MessageScreenRenderer
{
    public static string[] Render(MessageScreen screen, DateTimeOffset now, int columns, int rows)
    {
        var content = rows - 1;
        var (lines, keys) = screen switch
        {
            ConversationListScreen list => List(list, now, columns, content),
            ConversationScreen conversation => Conversation(conversation, now, columns, content),
            RecipientScreen recipient => Recipient(recipient, columns),
            PickScreen pick => Pick(pick, columns, content),
            ComposeScreen compose => Compose(compose, columns, content),
            MessageNoticeScreen notice => Notice(notice, now, columns),
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

    private static (IReadOnlyList<string>, string) List(ConversationListScreen list, DateTimeOffset now, int columns, int content)
    {
        if (list.Conversations.Count == 0)
        {
            return (["No messages"], LcdText.SoftKeys(columns, string.Empty, "New", string.Empty, "Back"));
        }

        if (list.ConfirmDelete)
        {
            var name = Name(list.Conversations[list.Selected]);
            return (["Delete conversation", $"with {name}?"], LcdText.SoftKeys(columns, "Yes", string.Empty, string.Empty, "No"));
        }

        var rows = Window(list.Conversations, list.Selected, content, (c, selected) =>
        {
            var stamp = ConversationLayout.Stamp(c.LastAt, now);
            var right = c.Unread > 0 ? $"({c.Unread}){stamp}" : stamp;
            return (selected ? ">" : " ") + LcdText.TwoColumns(Name(c), right, columns - 1);
        });
        return (rows, LcdText.SoftKeys(columns, "Open", "New", "Del", "Back"));
    }

    private static (IReadOnlyList<string>, string) Conversation(ConversationScreen screen, DateTimeOffset now, int columns, int content)
    {
        var lines = ConversationLayout.Lines(screen, now, columns);
        var visible = lines.Skip(screen.Top).Take(content).ToList();
        var failedInView = visible.Any(l => l.Message >= 0 && screen.Messages[l.Message].State == MessageState.Failed);
        return (visible.Select(l => l.Text).ToList(), LcdText.SoftKeys(columns, "Reply", string.Empty, failedInView ? "Retry" : string.Empty, "Back"));
    }

    private static (IReadOnlyList<string>, string) Recipient(RecipientScreen screen, int columns)
    {
        var lines = new List<string> { "New message", "To: " + screen.Digits + "_" };
        if (screen.Matches.Count > 0)
        {
            var shown = screen.Matches[Math.Max(0, screen.Selected)];
            lines.Add((screen.Selected >= 0 ? ">" : " ") + LcdText.TwoColumns(shown.Name, shown.Extension, columns - 1));
        }

        return (lines, LcdText.SoftKeys(columns, "OK", "+", "Calls", "Back"));
    }

    private static (IReadOnlyList<string>, string) Pick(PickScreen screen, int columns, int content)
    {
        if (screen.Choices.Count == 0)
        {
            return ([screen.Empty], LcdText.SoftKeys(columns, string.Empty, string.Empty, string.Empty, "Back"));
        }

        var rows = Window(screen.Choices, screen.Selected, content, (c, selected) =>
            (selected ? ">" : " ") + (c.Name == c.Extension ? c.Extension : LcdText.TwoColumns(c.Name, c.Extension, columns - 1)));
        return (rows, LcdText.SoftKeys(columns, "Pick", string.Empty, string.Empty, "Back"));
    }

    /// <summary>The text wraps at the display's width; the rows follow the cursor ('_', or the cycling letter itself).</summary>
    private static (IReadOnlyList<string>, string) Compose(ComposeScreen screen, int columns, int content)
    {
        var header = LcdText.TwoColumns("To " + screen.Name, $"{screen.Mode.Label()} {screen.Remaining}", columns);
        var shown = screen.Cycling ? screen.Text : screen.Text.Insert(screen.Cursor, "_");
        var cursorCell = screen.Cycling ? screen.Cursor - 1 : screen.Cursor;
        var textRows = content - 1;
        var first = Math.Max(0, (cursorCell / columns) - textRows + 1);
        var lines = new List<string> { header };
        for (var row = first; row < first + textRows && row * columns < shown.Length; row++)
        {
            lines.Add(shown.Substring(row * columns, Math.Min(columns, shown.Length - (row * columns))));
        }

        return (lines, LcdText.SoftKeys(columns, "Send", "<", ">", "Del"));
    }

    private static (IReadOnlyList<string>, string) Notice(MessageNoticeScreen notice, DateTimeOffset now, int columns) =>
        ([
            LcdText.TwoColumns("New message", ConversationLayout.Stamp(notice.At, now), columns),
            notice.Name,
            notice.Text.Replace('\n', ' '),
        ], LcdText.SoftKeys(columns, "Read", string.Empty, string.Empty, "Close"));

    private static string Name(ConversationSummary conversation) => conversation.PeerName ?? conversation.Peer;

    /// <summary>The rows of a list scrolled so the selected item is visible.</summary>
    private static List<string> Window<T>(IReadOnlyList<T> items, int selected, int rows, Func<T, bool, string> format)
    {
        var top = Math.Max(0, selected - rows + 1);
        return items.Skip(top).Take(rows).Select((item, i) => format(item, top + i == selected)).ToList();
    }
}
