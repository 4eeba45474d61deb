using DeskPhone.Phone.Calls;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Phone;

/// <summary>
/// Hold and resume (RFC 3264 §8.4, RFC 6337 §5): our re-INVITE offers sendonly (inactive when the
/// peer already holds us) and sendrecv to resume; the peer's offers are answered to mirror them,
/// and its holding us is shown.
/// </summary>
public sealed partial class PhoneController
{
    /// <summary>The Hold key: holds the call on the handset, or resumes it. A press while a change is on its way does nothing.</summary>
    private void ToggleHold()
    {
        if (current is { ConnectedAt: not null } leg && !leg.Sip.ReofferInProgress)
        {
            SetHold(leg, !leg.HeldByUs);
            ShowCurrent();
        }
    }

    /// <summary>
    /// Asks the peer to hold or resume. Audio leaves the handset at once on hold and returns when
    /// the peer accepts the resume. While a re-INVITE is on its way the wish waits for its outcome.
    /// </summary>
    private void SetHold(CallLeg leg, bool hold)
    {
        if (leg.HeldByUs == hold)
        {
            return;
        }

        leg.HeldByUs = hold;
        if (hold)
        {
            leg.HeldSince = loop.Time.GetUtcNow();
            leg.Media.Park();
        }

        logger.LogInformation(hold ? "Holding {Peer}" : "Resuming {Peer}", leg.Number);
        if (!leg.Sip.ReofferInProgress)
        {
            SendHoldOffer(leg);
        }
    }

    private void SendHoldOffer(CallLeg leg)
    {
        if (leg.Sip.Reoffer(leg.Media.CreateOffer(leg.Wanted)))
        {
            leg.OfferedHold = leg.HeldByUs;
        }
    }

    /// <summary>
    /// Our re-INVITE has its outcome: apply the answer, or undo the change the peer refused; then
    /// send the change the user asked for meanwhile, if any.
    /// </summary>
    private void OnReofferCompleted(CallLeg leg)
    {
        var offered = leg.OfferedHold;
        leg.OfferedHold = null;
        string? notice = null;
        if (leg.Sip.LastReofferStatus is >= 200 and < 300)
        {
            if (!leg.Media.TryAcceptAnswer(leg.Sip.RemoteSdp, out var failure))
            {
                logger.LogWarning("Unusable answer to our re-INVITE from {Peer}: {Failure}", leg.Number, failure);
            }
        }
        else if (leg.Sip.State == Sip.Dialogs.CallState.Connected && offered == leg.HeldByUs)
        {
            logger.LogWarning("{Peer} refused our re-INVITE: {Status}", leg.Number, leg.Sip.LastReofferStatus);
            leg.HeldByUs = !leg.HeldByUs;
            notice = leg.HeldByUs ? View.Texts.ResumeFailed(leg.Sip.LastReofferStatus) : View.Texts.HoldFailed(leg.Sip.LastReofferStatus);
        }

        if (offered is not null && offered != leg.HeldByUs && leg.Sip.State == Sip.Dialogs.CallState.Connected)
        {
            SendHoldOffer(leg);
        }

        ApplyMedia(leg);
        if (leg == current)
        {
            ShowCurrent(notice);
        }
    }

    /// <summary>
    /// The peer's re-INVITE (it holds or resumes us, or changes codec): answered to mirror its
    /// direction while keeping ours (RFC 3264 §6.1). An INVITE without SDP gets our offer, and the
    /// ACK brings the answer (RFC 3261 §14.2). THREAD: signalling loop (called by the SIP call).
    /// </summary>
    private ReadOnlyMemory<byte>? OnPeerOffer(CallLeg leg, ReadOnlyMemory<byte> offer)
    {
        if (offer.IsEmpty)
        {
            leg.AwaitingAnswerInAck = true;
            return leg.Media.CreateOffer(leg.Wanted);
        }

        if (!leg.Media.TryAcceptOffer(offer, leg.Wanted, out var answer, out var failure))
        {
            logger.LogWarning("Refusing the new offer of {Peer}: {Failure}", leg.Number, failure);
            return null;
        }

        ApplyMedia(leg);
        if (leg == current)
        {
            ShowCurrent();
        }

        return answer;
    }

    private void OnRemoteSdpChanged(CallLeg leg)
    {
        if (!leg.AwaitingAnswerInAck)
        {
            return;
        }

        leg.AwaitingAnswerInAck = false;
        if (!leg.Media.TryAcceptAnswer(leg.Sip.RemoteSdp, out var failure))
        {
            logger.LogWarning("Unusable answer in the ACK from {Peer}: {Failure}", leg.Number, failure);
            return;
        }

        ApplyMedia(leg);
        if (leg == current)
        {
            ShowCurrent();
        }
    }

    /// <summary>A new negotiation takes effect: on the handset unless we hold the call or another call has it.</summary>
    private void ApplyMedia(CallLeg leg)
    {
        if (leg.ConnectedAt is null)
        {
            return;
        }

        if (leg == current && !leg.HeldByUs && View.Mode != PhoneMode.Transferring)
        {
            leg.Media.Connect();
        }
        else
        {
            leg.Media.Park();
        }
    }
}
