using System.Buffers.Binary;

namespace DeskPhone.Media.Dtmf;

/// <summary>
/// One RFC 4733 §2.3 telephone-event payload: event code, end bit, volume (0 to -63 dBm0, as a
/// positive number) and duration in RTP timestamp units since the event began.
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |     event     |E|R| volume    |          duration             |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// </summary>
internal readonly record struct TelephoneEvent(byte Event, bool End, byte Volume, ushort Duration)
{
    public const int Length = 4;

    /// <summary>
    /// Reads the first event of a payload. Longer payloads are accepted and the rest ignored:
    /// a sender may stack several events (§2.5.1.5), the first is the current one.
    /// REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> payload, out TelephoneEvent telephoneEvent)
    {
        if (payload.Length < Length)
        {
            telephoneEvent = default;
            return false;
        }

        telephoneEvent = new TelephoneEvent(
            payload[0],
            End: (payload[1] & 0x80) != 0,
            Volume: (byte)(payload[1] & 0x3F),
            Duration: BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    /// <summary>Writes the payload, R bit 0 (§2.3: reserved, sent as zero). REAL-TIME: no allocation, no lock, no logging.</summary>
    public int Write(Span<byte> destination)
    {
        if (Volume > 0x3F)
        {
            throw new InvalidOperationException("The volume field has 6 bits.");
        }

        destination[0] = Event;
        destination[1] = (byte)((End ? 0x80 : 0x00) | Volume);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
        return Length;
    }
}
