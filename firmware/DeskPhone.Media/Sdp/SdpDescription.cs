namespace DeskPhone.Media.Sdp;

/// <summary>The parts of a session description (RFC 8866 §5) that audio negotiation needs.</summary>
internal sealed class SdpDescription
{
    /// <summary>Session-level c=, used by media descriptions without their own.</summary>
    public SdpConnection? Connection { get; set; }

    /// <summary>Session-level direction attribute; sendrecv when absent (RFC 8866 §6.7).</summary>
    public MediaDirection? Direction { get; set; }

    public List<SdpMedia> Media { get; } = [];

    public SdpConnection? ConnectionFor(SdpMedia media) => media.Connection ?? Connection;

    public MediaDirection DirectionOf(SdpMedia media) => media.Direction ?? Direction ?? MediaDirection.SendRecv;
}
