namespace DeskPhone.Media.Rtcp;

/// <summary>
/// What our source has sent, for the sender information of an SR (RFC 3550 §6.4.1). Written by
/// the audio thread after each packet it sends, read by the RTCP report timer; each value is
/// one atomic 64-bit field.
/// </summary>
internal sealed class SenderStatistics
{
    private long _packets;
    private long _octets;
    private long _lastTimestamp;

    public long Packets => Interlocked.Read(ref _packets);

    /// <summary>Payload octets, headers and padding excluded (§6.4.1).</summary>
    public long Octets => Interlocked.Read(ref _octets);

    /// <summary>The RTP timestamp of the last packet sent.</summary>
    public uint LastTimestamp => (uint)Interlocked.Read(ref _lastTimestamp);

    /// <summary>Audio thread. REAL-TIME: no allocation, no lock, no logging.</summary>
    public void Sent(uint timestamp, int payloadOctets)
    {
        Interlocked.Exchange(ref _lastTimestamp, timestamp);
        Interlocked.Add(ref _octets, payloadOctets);
        Interlocked.Increment(ref _packets);
    }
}
