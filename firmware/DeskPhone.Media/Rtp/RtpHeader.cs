namespace DeskPhone.Media.Rtp;

/// <summary>
/// The fixed RTP header fields this phone uses (RFC 3550 §5.1). The version is always 2; CSRC
/// lists and header extensions of received packets are skipped rather than kept because a
/// two-party call has no use for them.
/// </summary>
internal readonly record struct RtpHeader(
    bool Marker,
    byte PayloadType,
    ushort SequenceNumber,
    uint Timestamp,
    uint Ssrc);
