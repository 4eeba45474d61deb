using System.Globalization;
using DeskPhone.Sip.Registration;

namespace DeskPhone.Phone.Screens;

/// <summary>Turns a <see cref="PhoneView"/> into the lines of the character display. Pure: no state.</summary>
public static class ScreenRenderer
{
    /// <summary>The screen in the words of <see cref="PhoneView.Texts"/>.</summary>
    public static string[] Render(PhoneView view, DateTimeOffset now, int columns, int rows)
    {
        var texts = view.Texts;
        var lines = view.Mode switch
        {
            PhoneMode.Idle => Idle(view, now, columns),
            PhoneMode.Dialing => [TwoColumns(texts.Dial, view.OffHook ? string.Empty : texts.OnHook, columns), Tail(view.Digits + "_", columns), string.Empty, Hint(texts.DialHint, view, columns)],
            PhoneMode.Calling or PhoneMode.RingingOut or PhoneMode.Incoming or PhoneMode.Connected
                or PhoneMode.TransferEntry or PhoneMode.Transferring or PhoneMode.Menu => CallScreenRenderer.Render(view, now, columns),
            PhoneMode.Ended => [texts.CallEnded, Peer(view), view.EndedText ?? string.Empty, string.Empty],
            PhoneMode.Messages when view.MessageScreen is { } messageScreen => MessageScreenRenderer.Render(messageScreen, texts, now, columns, rows),
            PhoneMode.History when view.DirectoryScreen is { } historyScreen => HistoryScreenRenderer.Render(historyScreen, texts, now, columns, rows),
            PhoneMode.Contacts when view.DirectoryScreen is { } phonebookScreen => PhonebookScreenRenderer.Render(phonebookScreen, texts, columns, rows),
            _ => [],
        };

        var screen = new string[rows];
        for (var row = 0; row < rows; row++)
        {
            var text = row < lines.Length ? lines[row] : string.Empty;
            screen[row] = text.Length >= columns ? text[..columns] : text.PadRight(columns);
        }

        return screen;
    }

    /// <summary>The words the idle screen uses for a registration state.</summary>
    private static string Describe(RegistrationStatus status, LcdTexts texts) => status.Phase switch
    {
        RegistrationPhase.Registered => texts.Registered,
        RegistrationPhase.Registering => texts.Registering,
        RegistrationPhase.Failed => texts.RegistrationFailed(status.StatusCode),
        _ => texts.NotRegistered,
    };

    /// <summary>
    /// The third and fourth rows show what waits for the user, most urgent first: missed calls,
    /// unread messages, voicemail; the date takes the fourth row when fewer than two wait. With
    /// all three, voicemail has the message LED and its own line again once one is dealt with.
    /// </summary>
    private static string[] Idle(PhoneView view, DateTimeOffset now, int columns)
    {
        var texts = view.Texts;
        string[] waiting =
        [
            .. view.MissedCalls > 0 ? [texts.MissedCalls(view.MissedCalls)] : Array.Empty<string>(),
            .. view.UnreadMessages > 0 ? [texts.NewMessages(view.UnreadMessages)] : Array.Empty<string>(),
            .. view.Voicemail.Waiting ? [texts.VoicemailWaiting(view.Voicemail.NewMessages)] : Array.Empty<string>(),
        ];
        return
        [
            TwoColumns(texts.Extension(view.Extension), now.ToString("HH:mm", CultureInfo.InvariantCulture), columns),
            TwoColumns(Describe(view.Registration, texts), view.DoNotDisturb ? texts.DoNotDisturbMark : string.Empty, columns),
            waiting.Length > 0 ? waiting[0] : string.Empty,
            waiting.Length > 1 ? waiting[1] : texts.Date(now),
        ];
    }

    /// <summary>
    /// A call screen's bottom row. Unread messages show only as a discreet count at its end: during
    /// a call nothing else of them may interrupt.
    /// </summary>
    private static string Hint(string hint, PhoneView view, int columns) =>
        view.UnreadMessages > 0 ? LcdText.TwoColumns(hint, view.Texts.UnreadCount(view.UnreadMessages), columns) : hint;

    private static string Peer(PhoneView view) => view.PeerName ?? view.PeerNumber ?? string.Empty;

    private static string TwoColumns(string left, string right, int columns) =>
        left.Length + right.Length + 1 > columns ? left : left.PadRight(columns - right.Length) + right;

    /// <summary>Long numbers keep their end visible, where the user is typing.</summary>
    private static string Tail(string text, int columns) => text.Length > columns ? text[^columns..] : text;
}
