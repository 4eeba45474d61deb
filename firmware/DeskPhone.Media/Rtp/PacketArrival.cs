namespace DeskPhone.Media.Rtp;

/// <summary>
/// When and with which media timestamp a packet arrived: what the delay estimate of
/// <see cref="JitterBuffer"/> needs.
/// </summary>
/// <param name="Timestamp">The packet's RTP timestamp (RFC 3550 §5.1).</param>
/// <param name="ClockRate">The RTP clock rate of its payload type (8000, or 48000 for Opus).</param>
/// <param name="ArrivalMicroseconds">Arrival time by the receiver's clock, from any fixed origin.</param>
internal readonly record struct PacketArrival(uint Timestamp, int ClockRate, long ArrivalMicroseconds);
