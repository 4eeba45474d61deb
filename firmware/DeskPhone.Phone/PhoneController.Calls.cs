using DeskPhone.Hal;
using DeskPhone.Media;
using DeskPhone.Phone.Calls;
using DeskPhone.Phone.History;
using DeskPhone.Sip.Dialogs;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Phone;

/// <summary>
/// Placing, answering and ending calls. The phone holds at most two: <see cref="current"/> on the
/// handset, and <see cref="other"/> held behind it or waiting to be answered.
/// </summary>
public sealed partial class PhoneController
{
    private CallLeg? current;
    private CallLeg? other;
    private string? lastDialled;
    private ITimer? noticeTimer;

    private void DialCollected()
    {
        interDigitTimer?.Dispose();
        var number = View.Digits.TrimEnd('#');
        if (number.Length == 0)
        {
            Redial();
            return;
        }

        PlaceCall(number);
    }

    /// <summary>Send with nothing typed calls the last number dialled again.</summary>
    private void Redial()
    {
        var number = lastDialled ?? History.Records.FirstOrDefault(r => r.Kind == CallRecordKind.Placed)?.Number;
        if (number is not null)
        {
            PlaceCall(number);
        }
    }

    /// <summary>
    /// Calls <paramref name="number"/> (an extension, a number, or a SIP URI) from whatever screen
    /// the phone is on; the call screens take over.
    /// </summary>
    private void PlaceCall(string number)
    {
        interDigitTimer?.Dispose();
        endedTimer?.Dispose();
        SuspendMessages();
        current = StartOutgoing(number);
        lastDialled = number;
        logger.LogInformation("Calling {Number}", number);
        ShowCurrent();
    }

    private CallLeg StartOutgoing(string number)
    {
        var session = audio.OpenSession();
        var leg = new CallLeg(agent.Dial(number, session.CreateOffer()), session, loop.Time.GetUtcNow(), Phonebook?.NameFor(number));
        Watch(leg);
        return leg;
    }

    private void OnIncomingCall(SipCall incoming)
    {
        if (incoming.Replaces is { } replaced)
        {
            OnReplacingCall(incoming, replaced);
            return;
        }

        if (doNotDisturb)
        {
            var (code, reason) = options.DoNotDisturbAnswer == DoNotDisturbAnswer.BusyHere ? (486, "Busy Here") : (480, "Temporarily Unavailable");
            RefuseIncoming(incoming, code, reason, "do not disturb");
            return;
        }

        if (current is not null)
        {
            if (!options.CallWaiting || other is not null || current.ConnectedAt is null)
            {
                RefuseIncoming(incoming, 486, "Busy Here", "busy");
                return;
            }

            StartWaiting(incoming);
            return;
        }

        if (AcceptOffer(incoming) is not { } leg)
        {
            return;
        }

        interDigitTimer?.Dispose();
        endedTimer?.Dispose();
        SuspendMessages();
        current = leg;
        incoming.Ring();
        audio.PlayTone(CallProgressTone.None);
        hardware.Ringer.StartRinging();
        logger.LogInformation("Incoming call from {Caller}", incoming.RemoteUser);
        ShowCurrent();
    }

    /// <summary>A leg for an incoming call whose offer we can answer; null (and 488 sent) when we cannot.</summary>
    private CallLeg? AcceptOffer(SipCall incoming)
    {
        var session = audio.OpenSession();
        if (!session.TryAcceptOffer(incoming.RemoteSdp, MediaDirection.SendRecv, out var answer, out var failure))
        {
            logger.LogWarning("Rejecting call from {Caller}: {Failure}", incoming.RemoteUser, failure);
            session.Dispose();
            incoming.Reject(488, "Not Acceptable Here");
            return null;
        }

        var leg = new CallLeg(incoming, session, loop.Time.GetUtcNow(), CallerName(incoming)) { PendingAnswer = answer };
        Watch(leg);
        return leg;
    }

    private void RefuseIncoming(SipCall incoming, int code, string reason, string why)
    {
        logger.LogInformation("Refusing call from {Caller} ({Why}): {Code}", incoming.RemoteUser, why, code);
        incoming.Reject(code, reason);
        History.Add(new CallRecord(CallRecordKind.Missed, incoming.RemoteUser, CallerName(incoming), loop.Time.GetUtcNow(), TimeSpan.Zero));
        View = View with { MissedCalls = History.UnseenMissed };
        Publish(View);
    }

    private void AnswerIncoming()
    {
        if (current is not { ConnectedAt: null } leg || leg.Sip.Direction != CallDirection.Incoming)
        {
            return;
        }

        hardware.Ringer.StopRinging();
        leg.Sip.Answer(leg.PendingAnswer);
    }

    private void Watch(CallLeg leg)
    {
        leg.Sip.StateChanged += _ => OnLegStateChanged(leg);
        leg.Sip.ReofferCompleted += _ => OnReofferCompleted(leg);
        leg.Sip.RemoteSdpChanged += _ => OnRemoteSdpChanged(leg);
        leg.Sip.TransferProgress += _ => OnTransferProgress(leg);
        leg.Sip.TransferRequested += (_, transfer) => OnTransferRequested(leg, transfer);
        leg.Sip.OfferHandler = offer => OnPeerOffer(leg, offer);
        WatchRemoteDigits(leg);
    }

    private void OnLegStateChanged(CallLeg leg)
    {
        switch (leg.Sip.State)
        {
            case CallState.Ringing when leg == current && leg.Sip.Direction == CallDirection.Outgoing:
                audio.PlayTone(CallProgressTone.Ringback);
                ShowCurrent();
                break;
            case CallState.Connected:
                OnLegConnected(leg);
                break;
            case CallState.Ended:
                OnLegEnded(leg);
                break;
        }

        ReportTransferCall(leg);
    }

    private void OnLegConnected(CallLeg leg)
    {
        if (leg.Sip.Direction == CallDirection.Outgoing && !leg.Media.TryAcceptAnswer(leg.Sip.RemoteSdp, out var failure))
        {
            logger.LogWarning("Ending call: unusable answer ({Failure})", failure);
            leg.Sip.Hangup();
            return;
        }

        leg.ConnectedAt = loop.Time.GetUtcNow();
        if (leg != current)
        {
            return;
        }

        audio.PlayTone(CallProgressTone.None);
        leg.Media.Connect();
        ShowCurrent();
    }

    private void OnLegEnded(CallLeg ended)
    {
        ended.Media.Dispose();
        RecordHistory(ended);
        var text = EndedText(ended);
        logger.LogInformation("Call with {Peer} ended: {Reason}", ended.Number, text);
        if (ended == blindTransferee)
        {
            blindTransferee = null;
        }

        if (ended == other)
        {
            other = null;
            OnOtherEnded(ended);
            return;
        }

        if (ended != current)
        {
            // A call replaced by another (RFC 3891) or already handed over by a transfer.
            return;
        }

        current = null;
        if (OnCurrentEndedInTransfer(ended, text))
        {
            return;
        }

        if (other is { } behind)
        {
            other = null;
            BringForward(behind, text);
            return;
        }

        EndCalls(ended, text);
    }

    /// <summary>The held or waiting call ended (the peer hung up, or the caller gave up).</summary>
    private void OnOtherEnded(CallLeg ended)
    {
        if (ended.ConnectedAt is null)
        {
            audio.PlayTone(CallProgressTone.None);
        }

        OnOtherEndedInTransfer(ended);
        ShowCurrent();
    }

    /// <summary>The call on the handset ended and another is behind it: that one takes the handset.</summary>
    private void BringForward(CallLeg leg, string endedText)
    {
        current = leg;
        audio.PlayTone(CallProgressTone.None);
        if (leg.ConnectedAt is null)
        {
            // Call waiting becomes a plain incoming call.
            hardware.Ringer.StartRinging();
        }

        ApplyMedia(leg);
        View = View with { Mode = ModeOf(leg) };
        ShowCurrent(notice: endedText);
    }

    /// <summary>No call is left: show how the last one ended, then the idle screen.</summary>
    private void EndCalls(CallLeg ended, string text)
    {
        hardware.Ringer.StopRinging();
        SetMuted(false);
        UpdateLine();
        var missed = ended.Sip.Direction == CallDirection.Incoming && ended.ConnectedAt is null;

        // An error the user must hear (busy, unreachable) plays while the handset is still lifted.
        audio.PlayTone(View.OffHook && ended.Sip.EndReason == CallEndReason.Rejected && ended.Sip.Direction == CallDirection.Outgoing
            ? (ended.Sip.StatusCode is 486 or 600 ? CallProgressTone.Busy : CallProgressTone.Congestion)
            : CallProgressTone.None);

        if (missed || ended.Sip.EndReason is CallEndReason.RemoteHangup or CallEndReason.LocalHangup && !View.OffHook && ended.TransferredTo is null)
        {
            GoIdle();
            return;
        }

        Publish(View.WithoutCall() with { Mode = PhoneMode.Ended, EndedText = text, PeerNumber = ended.Number, PeerName = ended.Name });
        endedTimer?.Dispose();
        endedTimer = loop.Schedule(options.EndedScreenTime, () =>
        {
            if (View.Mode == PhoneMode.Ended)
            {
                GoIdle();
            }
        });
    }

    private void RecordHistory(CallLeg ended)
    {
        var duration = ended.ConnectedAt is { } connectedAt ? loop.Time.GetUtcNow() - connectedAt : TimeSpan.Zero;
        var kind = ended.Sip.Direction == CallDirection.Outgoing ? CallRecordKind.Placed
            : ended.ConnectedAt is null ? CallRecordKind.Missed
            : CallRecordKind.Received;
        History.Add(new CallRecord(kind, ended.Number, ended.Name, ended.Started, duration));
        if (kind == CallRecordKind.Missed)
        {
            logger.LogInformation("Missed call from {Caller}", ended.Number);
        }
    }

    /// <summary>Puts the screen in step with the calls: the one on the handset, and the one behind it.</summary>
    private void ShowCurrent(string? notice = null)
    {
        UpdateLine();
        if (current is not { } leg)
        {
            return;
        }

        var mode = View.Mode is PhoneMode.TransferEntry or PhoneMode.Transferring or PhoneMode.Menu ? View.Mode : ModeOf(leg);
        Publish(View with
        {
            Mode = mode,
            Digits = string.Empty,
            PeerNumber = leg.Number,
            PeerName = leg.Name,
            ConnectedAt = leg.ConnectedAt,
            EndedText = null,
            Flags = FlagsOf(leg),
            HeldSince = leg.HeldByUs ? leg.HeldSince : null,
            Other = other?.AsOther(),
            Notice = notice ?? View.Notice,
            MessageScreen = null,
        });
        if (notice is not null)
        {
            // A notice ("Transfer failed", "Hung up by peer") stays as long as the ended-call screen would.
            noticeTimer?.Dispose();
            noticeTimer = loop.Schedule(options.EndedScreenTime, () =>
            {
                if (View.Notice == notice)
                {
                    Publish(View with { Notice = null });
                }
            });
        }
    }

    /// <summary>Leaves an entry or menu screen for the plain call screen.</summary>
    private void ShowCallScreen(string? notice = null)
    {
        View = View with { Mode = current is { } leg ? ModeOf(leg) : PhoneMode.Idle, TransferEntry = null, Menu = null };
        ShowCurrent(notice);
    }

    private static PhoneMode ModeOf(CallLeg leg) => leg.Sip.State switch
    {
        CallState.Connected or CallState.Ended => PhoneMode.Connected,
        _ when leg.Sip.Direction == CallDirection.Incoming => PhoneMode.Incoming,
        CallState.Ringing => PhoneMode.RingingOut,
        _ => PhoneMode.Calling,
    };

    private CallFlags FlagsOf(CallLeg leg) =>
        (leg.HeldByUs ? CallFlags.OnHold : CallFlags.None)
        | (leg.HeldByPeer ? CallFlags.HeldByPeer : CallFlags.None)
        | (muted ? CallFlags.Muted : CallFlags.None)
        | (attended?.Consultation == leg ? CallFlags.Consultation : CallFlags.None);

    /// <summary>The line LED: on while talking, blinking while ringing, calling or holding, off without calls.</summary>
    private void UpdateLine() => hardware.Indicators.SetLine(
        current is null && other is null ? LineIndicator.Off
        : current is { ConnectedAt: not null, HeldByUs: false } ? LineIndicator.On
        : LineIndicator.Blinking);

    private string EndedText(CallLeg ended) => ended.TransferredTo is { } target ? View.Texts.TransferredTo(target) : ended.Sip.EndReason switch
    {
        CallEndReason.RemoteHangup => View.Texts.HungUpByPeer,
        CallEndReason.LocalHangup => View.Texts.HungUp,
        CallEndReason.CancelledByCaller => View.Texts.Missed,
        CallEndReason.Timeout => View.Texts.NoResponse,
        CallEndReason.Rejected => ended.Sip.StatusCode switch
        {
            404 => View.Texts.NumberNotFound,
            480 => View.Texts.NotAvailable,
            486 or 600 => View.Texts.Busy,
            487 => View.Texts.Cancelled,
            488 or 606 => View.Texts.NoCommonCodec,
            var code => View.Texts.Failed(code),
        },
        _ => string.Empty,
    };

    /// <summary>The phonebook's name for the peer, else the name the peer sent.</summary>
    private string? CallerName(SipCall peer) => Phonebook?.NameFor(peer.RemoteUser) ?? peer.RemoteDisplayName;
}
