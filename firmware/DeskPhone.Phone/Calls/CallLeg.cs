using DeskPhone.Media;
using DeskPhone.Phone.Media;
using DeskPhone.Sip.Dialogs;

namespace DeskPhone.Phone.Calls;

/// <summary>
/// One call of the phone with its media and what the user sees of it. The phone has at most two:
/// the one on the handset and one held or waiting behind it. THREAD: signalling loop.
/// </summary>
internal sealed class CallLeg(SipCall sip, IMediaSession media, DateTimeOffset started, string? name)
{
    public SipCall Sip { get; } = sip;

    public IMediaSession Media { get; } = media;

    public DateTimeOffset Started { get; } = started;

    public string Number => Sip.RemoteUser;

    public string? Name { get; set; } = name;

    public DateTimeOffset? ConnectedAt { get; set; }

    /// <summary>We asked the peer to hold (the re-INVITE may still be on its way).</summary>
    public bool HeldByUs { get; set; }

    public DateTimeOffset? HeldSince { get; set; }

    /// <summary>What our re-INVITE on its way asks for: hold (true) or resume (false); null when none is.</summary>
    public bool? OfferedHold { get; set; }

    /// <summary>Our answer to the incoming offer, sent when the user answers.</summary>
    public ReadOnlyMemory<byte> PendingAnswer { get; set; }

    /// <summary>We offered in a 200 to an INVITE without SDP (RFC 3261 §14.2); the ACK brings the answer.</summary>
    public bool AwaitingAnswerInAck { get; set; }

    /// <summary>Where a transfer we asked for is sending this call, while it is under way.</summary>
    public string? TransferTarget { get; set; }

    /// <summary>Set when a transfer we asked for handed this call over to the target.</summary>
    public string? TransferredTo { get; set; }

    /// <summary>When this call carries out a transfer the peer of another call asked for (RFC 3515): its progress goes back there.</summary>
    public IncomingTransfer? ForTransfer { get; set; }

    /// <summary>The peer holds us: it will not receive what we send (RFC 3264 §8.4).</summary>
    public bool HeldByPeer => ConnectedAt is not null && Media.Direction is MediaDirection.RecvOnly or MediaDirection.Inactive;

    /// <summary>The direction we want now: sendonly while we hold, inactive when the peer holds us too.</summary>
    public MediaDirection Wanted => !HeldByUs ? MediaDirection.SendRecv
        : HeldByPeer ? MediaDirection.Inactive
        : MediaDirection.SendOnly;

    public OtherCall AsOther() => new(Number, Name, ConnectedAt is null ? OtherCallState.Waiting : OtherCallState.Held);
}
