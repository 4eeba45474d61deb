namespace DeskPhone.Phone.Screens;

/// <summary>Draws the call history screens in the soft-key frame, in the words of <paramref name="texts"/>. Pure.</summary>
internal static class HistoryScreenRenderer
{
    public static string[] Render(DirectoryScreen screen, LcdTexts texts, DateTimeOffset now, int columns, int rows)
    {
        var (content, keys) = screen switch
        {
            HistoryListScreen list => List(list, texts, now, columns, rows - 1),
            CallDetailScreen detail => Detail(detail, texts, now, columns),
            _ => ([], string.Empty),
        };
        return SoftKeyFrame.Lines(content, keys, rows);
    }

    /// <summary>Rows of: the highlight, the kind mark, the name (or number) and the time (dd/MM before today).</summary>
    private static (IReadOnlyList<string>, string) List(HistoryListScreen list, LcdTexts texts, DateTimeOffset now, int columns, int content)
    {
        if (list.Calls.Count == 0)
        {
            return ([texts.NoCalls], LcdText.SoftKeys(columns, string.Empty, string.Empty, string.Empty, texts.KeyBack));
        }

        var selected = list.Calls[list.Selected];
        switch (list.Prompt)
        {
            case HistoryPrompt.DeleteOne:
                return ([texts.DeleteCall, selected.Name ?? selected.Number], LcdText.SoftKeys(columns, texts.KeyYes, texts.KeyAll, string.Empty, texts.KeyNo));
            case HistoryPrompt.DeleteAll:
                return ([texts.ClearHistory, texts.CallCount(list.Calls.Count)], LcdText.SoftKeys(columns, texts.KeyYes, string.Empty, string.Empty, texts.KeyNo));
        }

        var top = SoftKeyFrame.Top(list.Selected, content);
        var lines = list.Calls.Skip(top).Take(content).Select((call, i) => SoftKeyFrame.Row(
            top + i == list.Selected,
            HistoryTexts.Mark(call.Kind) + LcdText.TwoColumns(call.Name ?? call.Number, ConversationLayout.Stamp(call.Started, now), columns - 2)));
        return (lines.ToList(), LcdText.SoftKeys(columns, texts.KeyCall, texts.KeyMessage, texts.KeyDelete, texts.KeyBack));
    }

    /// <summary>Kind and date-time; the name; the number (when a name stood above) and the duration.</summary>
    private static (IReadOnlyList<string>, string) Detail(CallDetailScreen detail, LcdTexts texts, DateTimeOffset now, int columns)
    {
        var call = detail.Call;
        return (
            [
                LcdText.TwoColumns(HistoryTexts.Kind(call.Kind, texts), HistoryTexts.When(call.Started.ToOffset(now.Offset)), columns),
                call.Name ?? call.Number,
                LcdText.TwoColumns(call.Name is null ? string.Empty : call.Number, HistoryTexts.Duration(call.Duration), columns),
            ],
            LcdText.SoftKeys(columns, texts.KeyCall, texts.KeyMessage, string.Empty, texts.KeyBack));
    }
}
