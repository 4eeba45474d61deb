namespace DeskPhone.Phone;

/// <summary>The message-waiting LED, which three things light: unread messages, unseen missed calls and voicemail.</summary>
public sealed partial class PhoneController
{
    /// <summary>
    /// The LED's only writer: on while a message is unread, a missed call has not been looked at or
    /// the voicemail server says messages wait, as desk phones use the one lamp for "something is
    /// waiting for you".
    /// </summary>
    private void UpdateMessageWaiting() =>
        hardware.Indicators.SetMessageWaiting(View.UnreadMessages > 0 || History.UnseenMissed > 0 || View.Voicemail.Waiting);

    /// <summary>The idle count and the LED follow the history. THREAD: signalling loop (CallHistory.Changed).</summary>
    private void OnHistoryChanged()
    {
        View = View with { MissedCalls = History.UnseenMissed };
        UpdateMessageWaiting();
    }
}
