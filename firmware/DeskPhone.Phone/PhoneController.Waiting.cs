using DeskPhone.Media;
using DeskPhone.Sip.Dialogs;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Phone;

/// <summary>
/// Call waiting: a second call during a conversation is announced by the call-waiting tone over
/// the call audio and on the screen; Take answers it and holds the first, End or Busy refuses it
/// (486). With two calls, Swap changes which one is on the handset.
/// </summary>
public sealed partial class PhoneController
{
    private void StartWaiting(SipCall incoming)
    {
        if (AcceptOffer(incoming) is not { } leg)
        {
            return;
        }

        other = leg;
        incoming.Ring();
        audio.PlayTone(CallProgressTone.CallWaiting);
        logger.LogInformation("Call waiting from {Caller}", incoming.RemoteUser);
        ShowCurrent();
    }

    /// <summary>Answers the waiting call; the call on the handset goes on hold.</summary>
    private void TakeWaiting()
    {
        if (other is not { ConnectedAt: null } waiting || current is null)
        {
            return;
        }

        audio.PlayTone(CallProgressTone.None);
        var first = current;
        SetHold(first, true);
        first.Media.Park();
        current = waiting;
        other = first;
        waiting.Sip.Answer(waiting.PendingAnswer);
        View = View with { Mode = PhoneMode.Connected };
        ShowCurrent();
    }

    private void RejectWaiting()
    {
        if (other is { ConnectedAt: null } waiting)
        {
            audio.PlayTone(CallProgressTone.None);
            waiting.Sip.Reject(486, "Busy Here");
        }
    }

    /// <summary>Two calls in conversation: the held one comes to the handset, the other goes on hold.</summary>
    private void SwapCalls()
    {
        if (current is not { ConnectedAt: not null } active || other is not { ConnectedAt: not null } held
            || active.Sip.ReofferInProgress || held.Sip.ReofferInProgress)
        {
            return;
        }

        SetHold(active, true);
        SetHold(held, false);
        current = held;
        other = active;
        ShowCurrent();
    }
}
