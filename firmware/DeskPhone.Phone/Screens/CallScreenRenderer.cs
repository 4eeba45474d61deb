using System.Globalization;

namespace DeskPhone.Phone.Screens;

/// <summary>
/// The call screens: top row what is happening and a timer, then who, then a notice or the other
/// call, and the soft keys on the bottom row. Pure: no state.
/// </summary>
internal static class CallScreenRenderer
{
    public static string[] Render(PhoneView view, DateTimeOffset now, int columns) => view.Mode switch
    {
        PhoneMode.Calling => [Title("Calling", view, columns), Peer(view), Third(view, columns), BeforeAnswerKeys(view, columns)],
        PhoneMode.RingingOut => [Title("Ringing", view, columns), Peer(view), Third(view, columns), BeforeAnswerKeys(view, columns)],
        PhoneMode.Incoming => ["Incoming call", Peer(view), Third(view, columns), LcdText.SoftKeys(columns, "Answer", string.Empty, string.Empty, "Reject")],
        PhoneMode.Connected => Connected(view, now, columns),
        PhoneMode.TransferEntry when view.TransferEntry is { } entry => TransferEntry(view, entry, columns),
        PhoneMode.Transferring => ["Transferring", Peer(view), Third(view with { Notice = "to " + view.Digits }, columns), string.Empty],
        PhoneMode.Menu when view.Menu is { } menu => Menu(view, menu, columns),
        _ => [],
    };

    private static string[] Connected(PhoneView view, DateTimeOffset now, int columns)
    {
        var flags = view.Flags;
        var title = flags.HasFlag(CallFlags.OnHold) ? "On hold"
            : flags.HasFlag(CallFlags.Consultation) ? "Consulting"
            : flags.HasFlag(CallFlags.HeldByPeer) ? "Held by peer"
            : flags.HasFlag(CallFlags.Muted) ? "Muted"
            : "Connected";
        var since = flags.HasFlag(CallFlags.OnHold) ? view.HeldSince : view.ConnectedAt;
        var keys = view.Other?.State == OtherCallState.Waiting ? LcdText.SoftKeys(columns, "Take", string.Empty, string.Empty, "Busy")
            : flags.HasFlag(CallFlags.Consultation) ? LcdText.SoftKeys(columns, "Xfer", "Back", string.Empty, "End")
            : flags.HasFlag(CallFlags.OnHold) ? LcdText.SoftKeys(columns, "Resume", string.Empty, string.Empty, "End")
            : view.Other is not null ? LcdText.SoftKeys(columns, "Swap", string.Empty, "Mute", "End")
            : LcdText.SoftKeys(columns, "Hold", "Xfer", "Mute", "End");
        return [LcdText.TwoColumns(title, Duration(now - (since ?? now)), columns), Peer(view), Third(view, columns), keys];
    }

    private static string[] TransferEntry(PhoneView view, TransferEntry entry, int columns)
    {
        var digits = entry.Digits + "_";
        return
        [
            entry.Kind == TransferKind.Attended ? "Transfer (consult)" : "Transfer to",
            digits.Length > columns ? digits[^columns..] : digits,
            LcdText.Cut(view.PeerName ?? view.PeerNumber ?? string.Empty, columns),
            LcdText.SoftKeys(columns, "Send", "Del", string.Empty, "Cancel"),
        ];
    }

    private static string[] Menu(PhoneView view, PhoneMenu menu, int columns)
    {
        var lines = new List<string>();
        for (var i = 0; i < menu.Items.Count; i++)
        {
            var (label, state) = menu.Items[i] switch
            {
                MenuItem.Transfer => ("Transfer", string.Empty),
                MenuItem.Mute => ("Mute", view.Flags.HasFlag(CallFlags.Muted) ? "On" : "Off"),
                MenuItem.DoNotDisturb => ("Do not disturb", view.DoNotDisturb ? "On" : "Off"),
                _ => (string.Empty, string.Empty),
            };
            lines.Add(LcdText.TwoColumns((i == menu.Selected ? ">" : " ") + label, state, columns));
        }

        while (lines.Count < 3)
        {
            lines.Add(string.Empty);
        }

        return [.. lines.Take(3), LcdText.SoftKeys(columns, "Select", string.Empty, string.Empty, "Back")];
    }

    /// <summary>The top row before an answer: what is happening, marked when it is a transfer's consultation.</summary>
    private static string Title(string title, PhoneView view, int columns) =>
        view.Flags.HasFlag(CallFlags.Consultation) ? LcdText.TwoColumns(title, "Consult", columns) : title;

    private static string BeforeAnswerKeys(PhoneView view, int columns) =>
        view.Flags.HasFlag(CallFlags.Consultation) ? LcdText.SoftKeys(columns, "Xfer", "Back", string.Empty, "End") : LcdText.SoftKeys(columns, string.Empty, string.Empty, string.Empty, "End");

    /// <summary>
    /// The third row: a passing notice, else the call behind this one, else the number under the
    /// name; unread messages add only a discreet count at its end (during a call nothing else of
    /// them may interrupt).
    /// </summary>
    private static string Third(PhoneView view, int columns) => LcdText.TwoColumns(
        view.Notice
        ?? (view.Other is { } other ? (other.State == OtherCallState.Waiting ? "Waiting: " : "Held: ") + (other.Name ?? other.Number)
        : view.PeerName is not null ? view.PeerNumber ?? string.Empty
        : string.Empty),
        view.UnreadMessages > 0 ? $"Msg {view.UnreadMessages}" : string.Empty,
        columns);

    private static string Peer(PhoneView view) => view.PeerName ?? view.PeerNumber ?? string.Empty;

    private static string Duration(TimeSpan elapsed) =>
        elapsed.TotalHours >= 1
            ? elapsed.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : elapsed.ToString(@"mm\:ss", CultureInfo.InvariantCulture);
}
