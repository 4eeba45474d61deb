namespace DeskPhone.Media.Rtcp;

/// <summary>The sender information of an SR (RFC 3550 §6.4.1).</summary>
/// <param name="NtpTimestamp">Wallclock time when the report was sent.</param>
/// <param name="RtpTimestamp">The same instant in the RTP timestamp units of the data packets.</param>
/// <param name="PacketCount">RTP data packets sent since starting transmission.</param>
/// <param name="OctetCount">Payload octets sent since starting transmission.</param>
internal readonly record struct SenderInfo(ulong NtpTimestamp, uint RtpTimestamp, uint PacketCount, uint OctetCount);
