using DeskPhone.Hal;
using DeskPhone.Media;
using DeskPhone.Phone.History;
using DeskPhone.Phone.Media;
using DeskPhone.Sip.Dialogs;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Phone;

/// <summary>Placing, answering and ending calls.</summary>
public sealed partial class PhoneController
{
    /// <summary>Our answer to the incoming offer, sent when the user lifts the handset.</summary>
    private ReadOnlyMemory<byte> pendingAnswer;

    private void DialCollected()
    {
        interDigitTimer?.Dispose();
        var number = View.Digits.TrimEnd('#');
        if (number.Length == 0)
        {
            return;
        }

        PlaceCall(number);
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
        media = audio.OpenSession();
        call = agent.Dial(number, media.CreateOffer());
        callStarted = loop.Time.GetUtcNow();
        Watch(call);
        hardware.Indicators.SetLine(LineIndicator.Blinking);
        logger.LogInformation("Calling {Number}", number);
        Publish(View with { Mode = PhoneMode.Calling, PeerNumber = number, PeerName = null });
    }

    private void OnIncomingCall(SipCall incoming)
    {
        if (call is not null)
        {
            // One line for now; call waiting comes with the call features.
            incoming.Reject(486, "Busy Here");
            History.Add(new CallRecord(CallRecordKind.Missed, incoming.RemoteUser, CallerName(incoming), loop.Time.GetUtcNow(), TimeSpan.Zero));
            return;
        }

        var session = audio.OpenSession();
        if (!session.TryAcceptOffer(incoming.RemoteSdp, out var answer, out var failure))
        {
            logger.LogWarning("Rejecting call from {Caller}: {Failure}", incoming.RemoteUser, failure);
            session.Dispose();
            incoming.Reject(488, "Not Acceptable Here");
            return;
        }

        interDigitTimer?.Dispose();
        endedTimer?.Dispose();
        SuspendMessages();
        call = incoming;
        media = session;
        pendingAnswer = answer;
        callStarted = loop.Time.GetUtcNow();
        Watch(incoming);
        incoming.Ring();
        audio.PlayTone(CallProgressTone.None);
        hardware.Ringer.StartRinging();
        hardware.Indicators.SetLine(LineIndicator.Blinking);
        logger.LogInformation("Incoming call from {Caller}", incoming.RemoteUser);
        Publish(View with { Mode = PhoneMode.Incoming, PeerNumber = incoming.RemoteUser, PeerName = CallerName(incoming), Digits = string.Empty });
    }

    private void AnswerIncoming()
    {
        hardware.Ringer.StopRinging();
        call!.Answer(pendingAnswer);
    }

    private void Watch(SipCall watched)
    {
        watched.StateChanged += OnCallStateChanged;
    }

    private void OnCallStateChanged(SipCall changed)
    {
        if (changed != call)
        {
            return;
        }

        switch (changed.State)
        {
            case CallState.Ringing:
                audio.PlayTone(CallProgressTone.Ringback);
                Publish(View with { Mode = PhoneMode.RingingOut });
                break;
            case CallState.Connected:
                OnConnected(changed);
                break;
            case CallState.Ended:
                OnEnded(changed);
                break;
        }
    }

    private void OnConnected(SipCall connected)
    {
        if (connected.Direction == CallDirection.Outgoing && !media!.TryAcceptAnswer(connected.RemoteSdp, out var failure))
        {
            logger.LogWarning("Ending call: unusable answer ({Failure})", failure);
            connected.Hangup();
            return;
        }

        audio.PlayTone(CallProgressTone.None);
        media!.Connect();
        hardware.Indicators.SetLine(LineIndicator.On);
        Publish(View with { Mode = PhoneMode.Connected, ConnectedAt = loop.Time.GetUtcNow() });
    }

    private void OnEnded(SipCall ended)
    {
        media?.Dispose();
        media = null;
        call = null;
        hardware.Ringer.StopRinging();
        hardware.Indicators.SetLine(LineIndicator.Off);
        var now = loop.Time.GetUtcNow();
        var duration = View.ConnectedAt is { } connectedAt ? now - connectedAt : TimeSpan.Zero;
        var kind = ended.Direction == CallDirection.Outgoing ? CallRecordKind.Placed
            : ended.EndReason is CallEndReason.CancelledByCaller or CallEndReason.Timeout && View.ConnectedAt is null ? CallRecordKind.Missed
            : CallRecordKind.Received;
        History.Add(new CallRecord(kind, ended.RemoteUser, CallerName(ended), callStarted, duration));
        if (kind == CallRecordKind.Missed)
        {
            logger.LogInformation("Missed call from {Caller}", ended.RemoteUser);
        }

        var text = EndedText(ended);
        logger.LogInformation("Call with {Peer} ended: {Reason}", ended.RemoteUser, text);

        // An error the user must hear (busy, unreachable) plays while the handset is still lifted.
        audio.PlayTone(View.OffHook && ended.EndReason == CallEndReason.Rejected
            ? (ended.StatusCode is 486 or 600 ? CallProgressTone.Busy : CallProgressTone.Congestion)
            : CallProgressTone.None);

        if (kind == CallRecordKind.Missed || ended.EndReason is CallEndReason.RemoteHangup or CallEndReason.LocalHangup && !View.OffHook)
        {
            GoIdle();
            return;
        }

        Publish(View with { Mode = PhoneMode.Ended, EndedText = text, ConnectedAt = null });
        endedTimer = loop.Schedule(options.EndedScreenTime, () =>
        {
            if (View.Mode == PhoneMode.Ended)
            {
                GoIdle();
            }
        });
    }

    private static string EndedText(SipCall ended) => ended.EndReason switch
    {
        CallEndReason.RemoteHangup => "Hung up by peer",
        CallEndReason.LocalHangup => "Hung up",
        CallEndReason.CancelledByCaller => "Missed",
        CallEndReason.Timeout => "No response",
        CallEndReason.Rejected => ended.StatusCode switch
        {
            404 => "Number not found",
            480 => "Not available",
            486 or 600 => "Busy",
            487 => "Cancelled",
            488 or 606 => "No common codec",
            var code => $"Failed ({code})",
        },
        _ => string.Empty,
    };

    /// <summary>The phonebook's name for the peer, else the name the peer sent.</summary>
    private string? CallerName(SipCall peer) => Phonebook?.NameFor(peer.RemoteUser) ?? peer.RemoteDisplayName;
}
