using DeskPhone.Hal;
using DeskPhone.Media;
using DeskPhone.Phone.Calls;
using DeskPhone.Sip.Dialogs;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Phone;

/// <summary>
/// Transferring the call on the handset (user guide, "Trasferimento di chiamata"; RFC 5589).
/// Blind ("senza offerta", More → Transfer): REFER to the number at once. Attended ("con
/// offerta", `*2` + extension): hold the caller, call the extension, and when the user hangs up
/// (or presses Xfer) REFER the caller to it with Replaces built from the consultation dialog
/// (RFC 3891). A consultation that is not answered, is refused, or ends first brings the caller back.
/// </summary>
public sealed partial class PhoneController
{
    private AttendedTransfer? attended;
    private CallLeg? blindTransferee;
    private ITimer? transferDigitTimer;
    private ITimer? consultationTimer;

    private void StartTransferEntry(TransferKind kind)
    {
        if (current is not { ConnectedAt: not null } || attended is not null)
        {
            return;
        }

        Publish(View with { Mode = PhoneMode.TransferEntry, TransferEntry = new TransferEntry(kind, string.Empty), Menu = null });
        RestartTransferDigitTimer();
    }

    private void OnTransferEntryKey(TransferEntry entry, PhoneKey key)
    {
        switch (key)
        {
            case PhoneKey.Send or PhoneKey.Ok or PhoneKey.Soft1 or PhoneKey.Pound:
                CommitTransferEntry(entry);
                break;
            case PhoneKey.Back or PhoneKey.Soft2 when entry.Digits.Length > 0:
                Publish(View with { TransferEntry = entry with { Digits = entry.Digits[..^1] } });
                RestartTransferDigitTimer();
                break;
            case PhoneKey.Back or PhoneKey.Soft4:
                CancelTransferEntry();
                break;
            default:
                if (key.DialChar() is { } digit && entry.Digits.Length < options.MaxDialDigits)
                {
                    Publish(View with { TransferEntry = entry with { Digits = entry.Digits + digit } });
                    RestartTransferDigitTimer();
                }

                break;
        }
    }

    /// <summary>`*2` + extension is complete after a pause (user guide: type it "quickly"); a blind transfer waits for Send.</summary>
    private void RestartTransferDigitTimer()
    {
        transferDigitTimer?.Dispose();
        if (View.TransferEntry is not { Kind: TransferKind.Attended })
        {
            return;
        }

        transferDigitTimer = loop.Schedule(options.TransferDigitTimeout, () =>
        {
            if (View is { Mode: PhoneMode.TransferEntry, TransferEntry: { } entry })
            {
                CommitTransferEntry(entry);
            }
        });
    }

    private void CancelTransferEntry()
    {
        transferDigitTimer?.Dispose();
        ShowCallScreen();
    }

    private void CommitTransferEntry(TransferEntry entry)
    {
        transferDigitTimer?.Dispose();
        if (entry.Digits.Length == 0 || current is not { ConnectedAt: not null } leg)
        {
            CancelTransferEntry();
            return;
        }

        View = View with { TransferEntry = null };
        if (entry.Kind == TransferKind.Blind)
        {
            StartBlindTransfer(leg, entry.Digits);
        }
        else
        {
            StartConsultation(leg, entry.Digits);
        }
    }

    private void StartBlindTransfer(CallLeg leg, string target)
    {
        leg.Media.Park();
        if (!leg.Sip.Transfer(target, options.TransferOutcomeTimeout))
        {
            ApplyMedia(leg);
            ShowCallScreen(View.Texts.CannotTransfer);
            return;
        }

        logger.LogInformation("Transferring {Peer} to {Target}", leg.Number, target);
        blindTransferee = leg;
        leg.TransferTarget = target;
        Publish(View with { Mode = PhoneMode.Transferring, Digits = target, Notice = null });
    }

    /// <summary>`*2` + extension: the caller goes on hold and the extension is called (the user hears it ring).</summary>
    private void StartConsultation(CallLeg caller, string target)
    {
        SetHold(caller, true);
        caller.Media.Park();
        var consultation = StartOutgoing(target);
        attended = new AttendedTransfer(caller, consultation, target);
        other = caller;
        current = consultation;
        logger.LogInformation("Consulting {Target} before transferring {Peer}", target, caller.Number);
        consultationTimer?.Dispose();
        consultationTimer = loop.Schedule(options.ConsultationTimeout, () =>
        {
            if (attended?.Consultation == consultation && consultation.ConnectedAt is null && !attended.Completing)
            {
                logger.LogInformation("{Target} did not answer the consultation in time", target);
                attended = attended with { TimedOut = true };
                consultation.Sip.Hangup();
            }
        });
        View = View with { Mode = PhoneMode.Calling };
        ShowCurrent();
    }

    /// <summary>
    /// Hang-up or Xfer during the consultation. Answered: REFER the caller to the consultation
    /// dialog with Replaces. Still ringing: the consultation is cancelled and the caller is sent to
    /// the extension itself (RFC 5589 §7.3), so hanging up always completes the transfer.
    /// </summary>
    private void CompleteAttendedTransfer()
    {
        if (attended is not { Completing: false } transfer || transfer.Caller.Sip.State != CallState.Connected)
        {
            return;
        }

        var consultation = transfer.Consultation;
        var answered = consultation.ConnectedAt is not null;
        var referTo = answered ? consultation.Sip.ReplacingReferTo() : transfer.Target;

        // Completing before anything can end the consultation: its end no longer brings the caller back.
        attended = transfer with { Completing = true };
        if (!transfer.Caller.Sip.Transfer(referTo, options.TransferOutcomeTimeout))
        {
            attended = transfer;
            ShowCurrent(View.Texts.CannotTransfer);
            return;
        }

        logger.LogInformation("Transferring {Peer} to {Target} ({How})", transfer.Caller.Number, transfer.Target, answered ? "attended" : "while ringing");
        consultationTimer?.Dispose();
        transfer.Caller.TransferTarget = transfer.Target;
        consultation.Media.Park();

        // The screen follows the caller now; the consultation ends behind it (Replaces, or CANCEL).
        current = transfer.Caller;
        other = consultation;
        if (!answered)
        {
            consultation.Sip.Hangup();
        }

        Publish(View with { Mode = PhoneMode.Transferring, Digits = transfer.Target, Flags = CallFlags.None, Notice = null });
    }

    /// <summary>Soft key Back during the consultation: end it and return to the caller.</summary>
    private void CancelConsultation()
    {
        if (attended is { Completing: false } transfer)
        {
            transfer.Consultation.Sip.Hangup();
        }
    }

    /// <summary>The REFER's progress (RFC 3515 §2.4.4: the final sipfrag status decides).</summary>
    private void OnTransferProgress(CallLeg leg)
    {
        if (leg.Sip.TransferState is not (TransferState.Succeeded or TransferState.Failed))
        {
            return;
        }

        var succeeded = leg.Sip.TransferState == TransferState.Succeeded;
        if (leg.Sip.State == CallState.Ended)
        {
            // The transferee hung up on its own meanwhile; nothing is left to end or bring back.
            return;
        }

        if (leg == blindTransferee)
        {
            blindTransferee = null;
            FinishTransfer(leg, succeeded, consultation: null);
        }
        else if (attended is { Completing: true } transfer && transfer.Caller == leg)
        {
            attended = null;
            FinishTransfer(leg, succeeded, transfer.Consultation);
        }
    }

    /// <summary>
    /// Success: our part is over, so the calls end (RFC 5589 §6.1 and §7.1: the transferor sends
    /// BYE). Failure: the caller comes back on hold, and the phone rings if the handset is down.
    /// </summary>
    private void FinishTransfer(CallLeg caller, bool succeeded, CallLeg? consultation)
    {
        // The caller is the one call left to show; the consultation ends without bringing anything back.
        current = caller;
        other = null;
        if (consultation is { Sip.State: not CallState.Ended })
        {
            consultation.Sip.Hangup();
        }

        if (succeeded)
        {
            logger.LogInformation("Transferred {Peer} to {Target}", caller.Number, caller.TransferTarget);
            caller.TransferredTo = caller.TransferTarget;
            caller.Sip.Hangup();
            return;
        }

        var why = View.Texts.TransferFailed(caller.Sip.TransferStatusCode);
        logger.LogWarning("Transfer of {Peer} to {Target} failed: {Status} {Reason}", caller.Number, caller.TransferTarget, caller.Sip.TransferStatusCode, caller.Sip.TransferReason);
        caller.TransferTarget = null;
        View = View with { Mode = PhoneMode.Connected };
        if (caller.HeldByUs && View.OffHook)
        {
            SetHold(caller, false);
        }

        ApplyMedia(caller);
        if (!View.OffHook)
        {
            hardware.Ringer.StartRinging();
        }

        ShowCurrent(why);
    }

    /// <summary>
    /// The call on the handset ended while a transfer involved it. True when that is fully handled:
    /// a consultation that ended brings the caller back; a transferred call ends the transfer.
    /// </summary>
    private bool OnCurrentEndedInTransfer(CallLeg ended, string text)
    {
        if (attended is { Completing: false } transfer && transfer.Consultation == ended)
        {
            // Not answered, busy, refused, or the extension hung up: back to the caller.
            attended = null;
            consultationTimer?.Dispose();
            audio.PlayTone(CallProgressTone.None);
            other = null;
            current = transfer.Caller;
            if (transfer.Caller.Sip.State == CallState.Connected)
            {
                SetHold(transfer.Caller, false);
                View = View with { Mode = PhoneMode.Connected };
                ShowCurrent(transfer.TimedOut ? View.Texts.NoAnswer : text);
                return true;
            }

            current = null;
            return false;
        }

        return false;
    }

    /// <summary>The call behind ended: during a consultation, the caller hung up and the consultation stays as a plain call.</summary>
    private void OnOtherEndedInTransfer(CallLeg ended)
    {
        if (attended?.Caller == ended)
        {
            attended = null;
            consultationTimer?.Dispose();
        }
    }

    /// <param name="Completing">The REFER is out: the consultation's end no longer brings the caller back.</param>
    /// <param name="TimedOut">The extension did not answer in <see cref="PhoneOptions.ConsultationTimeout"/>.</param>
    private sealed record AttendedTransfer(CallLeg Caller, CallLeg Consultation, string Target, bool Completing = false, bool TimedOut = false);
}
