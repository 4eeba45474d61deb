using System.Globalization;
using DeskPhone.Sip.Registration;

namespace DeskPhone.Phone.Screens;

/// <summary>Turns a <see cref="PhoneView"/> into the lines of the character display. Pure: no state.</summary>
public static class ScreenRenderer
{
    public static string[] Render(PhoneView view, DateTimeOffset now, int columns, int rows)
    {
        var lines = view.Mode switch
        {
            PhoneMode.Idle => Idle(view, now, columns),
            PhoneMode.Dialing => [TwoColumns("Dial", view.OffHook ? string.Empty : "on hook", columns), Tail(view.Digits + "_", columns), string.Empty, Hint("#/Send: call", view, columns)],
            PhoneMode.Calling or PhoneMode.RingingOut or PhoneMode.Incoming or PhoneMode.Connected
                or PhoneMode.TransferEntry or PhoneMode.Transferring or PhoneMode.Menu => CallScreenRenderer.Render(view, now, columns),
            PhoneMode.Ended => ["Call ended", Peer(view), view.EndedText ?? string.Empty, string.Empty],
            PhoneMode.Messages when view.MessageScreen is { } messageScreen => MessageScreenRenderer.Render(messageScreen, now, columns, rows),
            PhoneMode.History when view.DirectoryScreen is { } historyScreen => HistoryScreenRenderer.Render(historyScreen, now, columns, rows),
            PhoneMode.Contacts when view.DirectoryScreen is { } phonebookScreen => PhonebookScreenRenderer.Render(phonebookScreen, columns, rows),
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
    public static string Describe(RegistrationStatus status) => status.Phase switch
    {
        RegistrationPhase.Registered => "Registered",
        RegistrationPhase.Registering => "Registering...",
        RegistrationPhase.Failed => $"Reg. failed {status.StatusCode}",
        _ => "Not registered",
    };

    /// <summary>Missed calls and unread messages take the third row; with both, messages replace the date.</summary>
    private static string[] Idle(PhoneView view, DateTimeOffset now, int columns)
    {
        var missed = view.MissedCalls switch
        {
            0 => string.Empty,
            1 => "1 missed call",
            var n => $"{n} missed calls",
        };
        var unread = view.UnreadMessages switch
        {
            0 => string.Empty,
            1 => "1 new message",
            var n => $"{n} new messages",
        };
        var date = now.ToString("ddd dd MMM yyyy", CultureInfo.InvariantCulture);
        return
        [
            TwoColumns("Ext " + view.Extension, now.ToString("HH:mm", CultureInfo.InvariantCulture), columns),
            TwoColumns(Describe(view.Registration), view.DoNotDisturb ? "DND" : string.Empty, columns),
            missed.Length > 0 ? missed : unread,
            missed.Length > 0 && unread.Length > 0 ? unread : date,
        ];
    }

    /// <summary>
    /// A call screen's bottom row. Unread messages show only as a discreet count at its end: during
    /// a call nothing else of them may interrupt.
    /// </summary>
    private static string Hint(string hint, PhoneView view, int columns) =>
        view.UnreadMessages > 0 ? LcdText.TwoColumns(hint, $"Msg {view.UnreadMessages}", columns) : hint;

    private static string Peer(PhoneView view) => view.PeerName ?? view.PeerNumber ?? string.Empty;

    private static string Duration(TimeSpan elapsed) =>
        elapsed.TotalHours >= 1
            ? elapsed.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : elapsed.ToString(@"mm\:ss", CultureInfo.InvariantCulture);

    private static string TwoColumns(string left, string right, int columns) =>
        left.Length + right.Length + 1 > columns ? left : left.PadRight(columns - right.Length) + right;

    /// <summary>Long numbers keep their end visible, where the user is typing.</summary>
    private static string Tail(string text, int columns) => text.Length > columns ? text[^columns..] : text;
}
