using DeskPhone.Media;
using DeskPhone.Phone.Calls;
using DeskPhone.Sip.Dialogs;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Phone;

/// <summary>
/// Being transferred. The peer's in-dialog REFER (RFC 3515) makes the phone call the target, with
/// Replaces and Referred-By when given, and report that call's progress back in NOTIFYs. An
/// INVITE with Replaces (RFC 3891) for a call of ours takes that call's place on the handset.
/// </summary>
public sealed partial class PhoneController
{
    /// <summary>THREAD: signalling loop. The SIP layer already accepted the REFER (202).</summary>
    private void OnTransferRequested(CallLeg referrer, IncomingTransfer transfer)
    {
        if (referrer != current || other is not null || attended is not null)
        {
            transfer.Report(603, "Declined");
            return;
        }

        logger.LogInformation("{Peer} transfers us to {Target}", referrer.Number, transfer.Target);
        referrer.Media.Park();
        var session = audio.OpenSession();
        var sip = agent.DialTransfer(transfer, session.CreateOffer());
        var leg = new CallLeg(sip, session, loop.Time.GetUtcNow(), Phonebook?.NameFor(sip.RemoteUser)) { ForTransfer = transfer };
        Watch(leg);
        other = referrer;
        current = leg;
        View = View with { Mode = PhoneMode.Calling };
        ShowCurrent(View.Texts.TransferFrom(referrer.Name ?? referrer.Number));
    }

    /// <summary>Each step of the call a transfer asked for goes back to the referrer as a sipfrag (RFC 3515 §2.4.5).</summary>
    private void ReportTransferCall(CallLeg leg)
    {
        if (leg.ForTransfer is not { Finished: false } transfer)
        {
            return;
        }

        switch (leg.Sip.State)
        {
            case CallState.Ringing:
                transfer.Report(180, "Ringing");
                break;
            case CallState.Connected:
                transfer.Report(200, "OK");
                break;
            case CallState.Ended:
                transfer.Report(leg.Sip.StatusCode is int code and >= 300 ? code : 487, leg.Sip.ReasonPhrase ?? "Request Terminated");
                break;
        }
    }

    /// <summary>
    /// An INVITE that replaces one of our calls (RFC 3891 §3): we were the target of someone's
    /// attended transfer. It is answered at once, takes the replaced call's place, and the replaced
    /// call ends with BYE. Only a call in conversation on the handset can be replaced.
    /// </summary>
    private void OnReplacingCall(SipCall incoming, SipCall replaced)
    {
        if (current?.Sip != replaced || current.ConnectedAt is null)
        {
            incoming.Reject(486, "Busy Here");
            return;
        }

        var old = current;
        var session = audio.OpenSession();
        if (!session.TryAcceptOffer(incoming.RemoteSdp, MediaDirection.SendRecv, out var answer, out var failure))
        {
            logger.LogWarning("Refusing the replacing call from {Caller}: {Failure}", incoming.RemoteUser, failure);
            session.Dispose();
            incoming.Reject(488, "Not Acceptable Here");
            return;
        }

        logger.LogInformation("{Caller} replaces the call with {Peer}", incoming.RemoteUser, old.Number);
        var leg = new CallLeg(incoming, session, loop.Time.GetUtcNow(), CallerName(incoming));
        Watch(leg);
        current = leg;
        old.Media.Park();
        incoming.Answer(answer);
        old.Sip.Hangup();
    }
}
