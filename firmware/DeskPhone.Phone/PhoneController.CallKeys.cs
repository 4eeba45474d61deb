using DeskPhone.Hal;
using DeskPhone.Phone.Calls;

namespace DeskPhone.Phone;

/// <summary>
/// Keys while there is a call. Soft keys act as labelled on the bottom row; the Hold, Transfer,
/// Mute and More keys do what they say. Digits go to the far end as RFC 4733 telephone-events,
/// except `*` then `2` within <see cref="PhoneOptions.TransferPrefixTimeout"/>, which starts an
/// attended transfer when <see cref="PhoneOptions.TransferMode"/> is local.
/// </summary>
public sealed partial class PhoneController
{
    private ITimer? transferPrefixTimer;
    private bool starPending;
    private bool muted;

    private void OnCallKey(PhoneKey key)
    {
        switch (View.Mode)
        {
            case PhoneMode.TransferEntry when View.TransferEntry is { } entry:
                OnTransferEntryKey(entry, key);
                return;
            case PhoneMode.Menu when View.Menu is { } menu:
                OnMenuKey(menu, key);
                return;
            case PhoneMode.Transferring:
                return;
        }

        if (current is not { } leg)
        {
            return;
        }

        if (other is { ConnectedAt: null })
        {
            OnKeyWithCallWaiting(key);
            return;
        }

        if (leg.ConnectedAt is null)
        {
            OnKeyBeforeAnswer(leg, key);
            return;
        }

        switch (key)
        {
            case PhoneKey.Soft1 when attended is not null:
            case PhoneKey.Transfer when attended is not null:
                CompleteAttendedTransfer();
                break;
            case PhoneKey.Soft2 when attended is not null:
                CancelConsultation();
                break;
            case PhoneKey.Soft1 when other is not null:
                SwapCalls();
                break;
            case PhoneKey.Hold or PhoneKey.Soft1:
                ToggleHold();
                break;
            case PhoneKey.Transfer or PhoneKey.Soft2:
                StartTransferEntry(TransferKind.Blind);
                break;
            case PhoneKey.Mute or PhoneKey.Soft3:
                SetMuted(!muted);
                ShowCurrent();
                break;
            case PhoneKey.More:
                OpenMenu([MenuItem.Transfer, MenuItem.Mute]);
                break;
            default:
                if (key.DialChar() is { } digit)
                {
                    OnDigitInCall(leg, digit);
                }

                break;
        }
    }

    /// <summary>Our call is ringing out, or an incoming call rings (alone: a waiting call has its own keys).</summary>
    private void OnKeyBeforeAnswer(CallLeg leg, PhoneKey key)
    {
        switch (key)
        {
            case PhoneKey.Send or PhoneKey.Ok or PhoneKey.Soft1 when leg.Sip.Direction == Sip.Dialogs.CallDirection.Incoming:
                AnswerIncoming();
                break;
            case PhoneKey.Soft4 when leg.Sip.Direction == Sip.Dialogs.CallDirection.Incoming:
                leg.Sip.Reject(486, "Busy Here");
                break;
            case PhoneKey.Soft1 or PhoneKey.Transfer when attended is not null:
                CompleteAttendedTransfer();
                break;
            case PhoneKey.Soft2 when attended is not null:
                CancelConsultation();
                break;
            case PhoneKey.Soft4:
                leg.Sip.Hangup();
                break;
        }
    }

    private void OnKeyWithCallWaiting(PhoneKey key)
    {
        switch (key)
        {
            case PhoneKey.Soft1 or PhoneKey.Send or PhoneKey.Ok:
                TakeWaiting();
                break;
            case PhoneKey.Soft4:
                RejectWaiting();
                break;
            case PhoneKey.Mute:
                SetMuted(!muted);
                ShowCurrent();
                break;
            default:
                if (key.DialChar() is { } digit && current is { ConnectedAt: not null } leg)
                {
                    OnDigitInCall(leg, digit);
                }

                break;
        }
    }

    /// <summary>
    /// A digit during a conversation. In local transfer mode `*` waits up to the prefix timeout
    /// for a `2`; anything else sends the held `*` first, so IVRs still get every digit in order.
    /// </summary>
    private void OnDigitInCall(CallLeg leg, char digit)
    {
        var local = options.TransferMode == TransferMode.Local && attended is null && other is null;
        if (starPending)
        {
            starPending = false;
            transferPrefixTimer?.Dispose();
            if (digit == '2')
            {
                StartTransferEntry(TransferKind.Attended);
                return;
            }

            leg.Media.SendDigit('*');
        }

        if (digit == '*' && local)
        {
            starPending = true;
            transferPrefixTimer = loop.Schedule(options.TransferPrefixTimeout, () =>
            {
                if (starPending)
                {
                    starPending = false;
                    current?.Media.SendDigit('*');
                }
            });
            return;
        }

        leg.Media.SendDigit(digit);
    }

    /// <summary>
    /// Handset down with a call: completes an attended transfer, keeps a held call held (the line
    /// LED blinks), leaves a ringing call ringing, and otherwise ends the call.
    /// </summary>
    private void OnOnHookInCall(CallLeg leg)
    {
        if (attended is { Completing: false })
        {
            CompleteAttendedTransfer();
            return;
        }

        if (View.Mode == PhoneMode.Transferring
            || (leg.Sip.Direction == Sip.Dialogs.CallDirection.Incoming && leg.ConnectedAt is null)
            || (leg.HeldByUs && leg.ConnectedAt is not null))
        {
            Publish(View);
            return;
        }

        leg.Sip.Hangup();
    }

    /// <summary>The red key: refuses a waiting call, leaves an entry or the menu, refuses a ringing call, or ends the call.</summary>
    private void OnEndKeyInCall(CallLeg leg)
    {
        switch (View.Mode)
        {
            case PhoneMode.Transferring:
                return;
            case PhoneMode.TransferEntry:
                CancelTransferEntry();
                return;
            case PhoneMode.Menu:
                CloseMenu();
                return;
        }

        if (other is { ConnectedAt: null })
        {
            RejectWaiting();
        }
        else if (leg.Sip.Direction == Sip.Dialogs.CallDirection.Incoming && leg.ConnectedAt is null)
        {
            leg.Sip.Reject(486, "Busy Here");
        }
        else
        {
            leg.Sip.Hangup();
        }
    }

    private void SetMuted(bool mute)
    {
        muted = mute;
        audio.SetMuted(mute);
    }
}
