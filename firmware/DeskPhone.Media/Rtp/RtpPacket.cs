using System.Buffers.Binary;

namespace DeskPhone.Media.Rtp;

/// <summary>Reads and writes RTP data packets (RFC 3550 §5.1, §5.3.1).</summary>
internal static class RtpPacket
{
    /// <summary>Length of the fixed header without CSRC entries (RFC 3550 §5.1).</summary>
    public const int FixedHeaderLength = 12;

    private const int Version = 2;

    /// <summary>
    /// Parses one datagram. Returns false, never throws, for anything that is not a well-formed
    /// version 2 RTP packet. REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> packet, out RtpHeader header, out ReadOnlySpan<byte> payload)
    {
        header = default;
        payload = default;
        if (packet.Length < FixedHeaderLength || packet[0] >> 6 != Version)
        {
            return false;
        }

        bool hasPadding = (packet[0] & 0x20) != 0;
        bool hasExtension = (packet[0] & 0x10) != 0;
        int csrcCount = packet[0] & 0x0F;

        int offset = FixedHeaderLength + (csrcCount * 4);
        if (hasExtension)
        {
            // §5.3.1: a 4-octet extension header whose length field counts the 32-bit words
            // that follow it.
            if (packet.Length < offset + 4)
            {
                return false;
            }

            offset += 4 + (BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(offset + 2)) * 4);
        }

        int end = packet.Length;
        if (hasPadding)
        {
            // §5.1: the last octet counts the padding octets, itself included, so 0 is invalid.
            int paddingLength = packet[^1];
            if (paddingLength == 0)
            {
                return false;
            }

            end -= paddingLength;
        }

        if (offset > end)
        {
            return false;
        }

        header = new RtpHeader(
            Marker: (packet[1] & 0x80) != 0,
            PayloadType: (byte)(packet[1] & 0x7F),
            SequenceNumber: BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(2)),
            Timestamp: BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(4)),
            Ssrc: BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(8)));
        payload = packet[offset..end];
        return true;
    }

    /// <summary>
    /// Writes a version 2 packet without padding, extension or CSRCs and returns its length.
    /// REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public static int Write(Span<byte> destination, in RtpHeader header, ReadOnlySpan<byte> payload)
    {
        int length = FixedHeaderLength + payload.Length;
        if (destination.Length < length)
        {
            throw new ArgumentException("Destination too short for the packet.", nameof(destination));
        }

        if (header.PayloadType > 0x7F)
        {
            throw new ArgumentOutOfRangeException(nameof(header), "RTP payload types are 7 bits.");
        }

        destination[0] = Version << 6;
        destination[1] = (byte)((header.Marker ? 0x80 : 0x00) | header.PayloadType);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), header.SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4), header.Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(8), header.Ssrc);
        payload.CopyTo(destination.Slice(FixedHeaderLength));
        return length;
    }
}
