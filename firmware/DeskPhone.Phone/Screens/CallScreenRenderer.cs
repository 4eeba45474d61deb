using System.Globalization;

namespace DeskPhone.Phone.Screens;

/// <summary>
/// The call screens: top row what is happening and a timer, then who, then a notice or the other
/// call, and the soft keys on the bottom row, in the words of <see cref="PhoneView.Texts"/>.
/// Pure: no state.
/// </summary>
internal static class CallScreenRenderer
{
    public static string[] Render(PhoneView view, DateTimeOffset now, int columns)
    {
        var texts = view.Texts;
        return view.Mode switch
        {
            PhoneMode.Calling => [Title(texts.Calling, view, columns), Peer(view), Third(view, columns), BeforeAnswerKeys(view, columns)],
            PhoneMode.RingingOut => [Title(texts.Ringing, view, columns), Peer(view), Third(view, columns), BeforeAnswerKeys(view, columns)],
            PhoneMode.Incoming => [texts.IncomingCall, Peer(view), Third(view, columns), LcdText.SoftKeys(columns, texts.KeyAnswer, string.Empty, string.Empty, texts.KeyReject)],
            PhoneMode.Connected => Connected(view, now, columns),
            PhoneMode.TransferEntry when view.TransferEntry is { } entry => TransferEntry(view, entry, columns),
            PhoneMode.Transferring => [texts.Transferring, Peer(view), Third(view with { Notice = texts.TransferringTo(view.Digits) }, columns), string.Empty],
            PhoneMode.Menu when view.Menu is { } menu => Menu(view, menu, columns),
            _ => [],
        };
    }

    private static string[] Connected(PhoneView view, DateTimeOffset now, int columns)
    {
        var texts = view.Texts;
        var flags = view.Flags;
        var title = flags.HasFlag(CallFlags.OnHold) ? texts.OnHold
            : flags.HasFlag(CallFlags.Consultation) ? texts.Consulting
            : flags.HasFlag(CallFlags.HeldByPeer) ? texts.HeldByPeer
            : flags.HasFlag(CallFlags.Muted) ? texts.Muted
            : texts.Connected;
        var since = flags.HasFlag(CallFlags.OnHold) ? view.HeldSince : view.ConnectedAt;
        var keys = view.Other?.State == OtherCallState.Waiting ? LcdText.SoftKeys(columns, texts.KeyTake, string.Empty, string.Empty, texts.KeyBusy)
            : flags.HasFlag(CallFlags.Consultation) ? LcdText.SoftKeys(columns, texts.KeyTransfer, texts.KeyBack, string.Empty, texts.KeyEnd)
            : flags.HasFlag(CallFlags.OnHold) ? LcdText.SoftKeys(columns, texts.KeyResume, string.Empty, string.Empty, texts.KeyEnd)
            : view.Other is not null ? LcdText.SoftKeys(columns, texts.KeySwap, string.Empty, texts.KeyMute, texts.KeyEnd)
            : LcdText.SoftKeys(columns, texts.KeyHold, texts.KeyTransfer, texts.KeyMute, texts.KeyEnd);
        return [LcdText.TwoColumns(title, Duration(now - (since ?? now)), columns), Peer(view), Third(view, columns), keys];
    }

    private static string[] TransferEntry(PhoneView view, TransferEntry entry, int columns)
    {
        var texts = view.Texts;
        var digits = entry.Digits + "_";
        return
        [
            entry.Kind == TransferKind.Attended ? texts.TransferAttended : texts.TransferBlind,
            digits.Length > columns ? digits[^columns..] : digits,
            LcdText.Cut(view.PeerName ?? view.PeerNumber ?? string.Empty, columns),
            LcdText.SoftKeys(columns, texts.KeySend, texts.KeyDelete, string.Empty, texts.KeyCancel),
        ];
    }

    private static string[] Menu(PhoneView view, PhoneMenu menu, int columns)
    {
        var texts = view.Texts;
        var lines = new List<string>();
        for (var i = 0; i < menu.Items.Count; i++)
        {
            var (label, state) = menu.Items[i] switch
            {
                MenuItem.Transfer => (texts.MenuTransfer, string.Empty),
                MenuItem.Mute => (texts.MenuMute, view.Flags.HasFlag(CallFlags.Muted) ? texts.On : texts.Off),
                MenuItem.DoNotDisturb => (texts.MenuDoNotDisturb, view.DoNotDisturb ? texts.On : texts.Off),
                _ => (string.Empty, string.Empty),
            };
            lines.Add(LcdText.TwoColumns((i == menu.Selected ? ">" : " ") + label, state, columns));
        }

        while (lines.Count < 3)
        {
            lines.Add(string.Empty);
        }

        return [.. lines.Take(3), LcdText.SoftKeys(columns, texts.KeySelect, string.Empty, string.Empty, texts.KeyBack)];
    }

    /// <summary>The top row before an answer: what is happening, marked when it is a transfer's consultation.</summary>
    private static string Title(string title, PhoneView view, int columns) =>
        view.Flags.HasFlag(CallFlags.Consultation) ? LcdText.TwoColumns(title, view.Texts.ConsultMark, columns) : title;

    private static string BeforeAnswerKeys(PhoneView view, int columns) =>
        view.Flags.HasFlag(CallFlags.Consultation)
            ? LcdText.SoftKeys(columns, view.Texts.KeyTransfer, view.Texts.KeyBack, string.Empty, view.Texts.KeyEnd)
            : LcdText.SoftKeys(columns, string.Empty, string.Empty, string.Empty, view.Texts.KeyEnd);

    /// <summary>
    /// The third row: a passing notice, else the call behind this one, else the number under the
    /// name; unread messages add only a discreet count at its end (during a call nothing else of
    /// them may interrupt).
    /// </summary>
    private static string Third(PhoneView view, int columns) => LcdText.TwoColumns(
        view.Notice
        ?? (view.Other is { } other ? (other.State == OtherCallState.Waiting ? view.Texts.Waiting(other.Name ?? other.Number) : view.Texts.Held(other.Name ?? other.Number))
        : view.PeerName is not null ? view.PeerNumber ?? string.Empty
        : string.Empty),
        view.UnreadMessages > 0 ? view.Texts.UnreadCount(view.UnreadMessages) : string.Empty,
        columns);

    private static string Peer(PhoneView view) => view.PeerName ?? view.PeerNumber ?? string.Empty;

    private static string Duration(TimeSpan elapsed) =>
        elapsed.TotalHours >= 1
            ? elapsed.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : elapsed.ToString(@"mm\:ss", CultureInfo.InvariantCulture);
}
