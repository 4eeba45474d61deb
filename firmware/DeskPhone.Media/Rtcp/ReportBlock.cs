namespace DeskPhone.Media.Rtcp;

/// <summary>One reception report block of an SR or RR (RFC 3550 §6.4.1), about one source.</summary>
/// <param name="Ssrc">The source it reports on.</param>
/// <param name="FractionLost">Packets lost since the previous report, as a fraction of 256.</param>
/// <param name="CumulativeLost">Packets lost since reception began (24-bit signed; duplicates can make it negative).</param>
/// <param name="ExtendedHighestSequence">Sequence cycles in the high 16 bits, the highest sequence number in the low.</param>
/// <param name="Jitter">Interarrival jitter, in timestamp units.</param>
/// <param name="LastSenderReport">The middle 32 bits of the NTP timestamp of the last SR received from that source, 0 if none.</param>
/// <param name="DelaySinceLastSenderReport">Time since that SR was received, in 1/65536 s; 0 if none.</param>
internal readonly record struct ReportBlock(
    uint Ssrc,
    byte FractionLost,
    int CumulativeLost,
    uint ExtendedHighestSequence,
    uint Jitter,
    uint LastSenderReport,
    uint DelaySinceLastSenderReport);
