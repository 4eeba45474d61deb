using System.Buffers.Binary;
using System.Text;

namespace DeskPhone.Media.Rtcp;

/// <summary>Reads and writes compound RTCP packets (RFC 3550 §6): SR, RR, SDES CNAME and BYE.</summary>
internal static class RtcpPacket
{
    public const byte SenderReport = 200;
    public const byte ReceiverReport = 201;
    public const byte SourceDescription = 202;
    public const byte Goodbye = 203;

    private const int Version = 2;
    private const int HeaderLength = 4;
    private const int SenderInfoLength = 20;
    private const int ReportBlockLength = 24;
    private const byte CnameItem = 1;

    /// <summary>
    /// Parses one compound packet with the validity checks of RFC 3550 §A.2: every packet
    /// version 2, the first an SR or RR, padding only on the last, and the packet lengths adding
    /// up to the datagram's. Returns false, never throws, for anything else.
    /// </summary>
    /// <param name="ourSsrc">Whose report block to return in <see cref="RtcpReport.AboutUs"/>.</param>
    public static bool TryRead(ReadOnlySpan<byte> compound, uint ourSsrc, out RtcpReport report)
    {
        report = default;
        bool first = true;
        uint senderSsrc = 0;
        SenderInfo? sender = null;
        ReportBlock? aboutUs = null;
        bool bye = false;
        while (!compound.IsEmpty)
        {
            if (compound.Length < HeaderLength || compound[0] >> 6 != Version)
            {
                return false;
            }

            int length = (BinaryPrimitives.ReadUInt16BigEndian(compound[2..]) + 1) * 4;
            bool padded = (compound[0] & 0x20) != 0;
            if (length > compound.Length || (padded && length != compound.Length))
            {
                return false;
            }

            ReadOnlySpan<byte> packet = compound[..length];
            if (padded)
            {
                int padding = packet[^1];
                if (padding == 0 || padding > length - HeaderLength)
                {
                    return false;
                }

                packet = packet[..^padding];
            }

            byte type = packet[1];
            int count = packet[0] & 0x1F;
            if (first)
            {
                if (type is not (SenderReport or ReceiverReport) || !TryReadReport(packet, type, count, ourSsrc, out senderSsrc, out sender, out aboutUs))
                {
                    return false;
                }

                first = false;
            }
            else if (type == Goodbye)
            {
                if (packet.Length < HeaderLength + (4 * count))
                {
                    return false;
                }

                bye = true;
            }

            compound = compound[length..];
        }

        if (first)
        {
            return false;
        }

        report = new RtcpReport(senderSsrc, sender, aboutUs, bye);
        return true;
    }

    /// <summary>
    /// Writes an SR (with <paramref name="sender"/>) or an RR (without), holding
    /// <paramref name="block"/> if any, then an SDES with our CNAME (§6.5.1), and a BYE (§6.6)
    /// when <paramref name="bye"/>. Returns the length.
    /// </summary>
    public static int Write(Span<byte> destination, uint ssrc, SenderInfo? sender, ReportBlock? block, string cname, bool bye)
    {
        int offset = WriteReport(destination, ssrc, sender, block);
        offset += WriteCname(destination[offset..], ssrc, cname);
        if (bye)
        {
            // §6.6: one source, no reason.
            WriteHeader(destination[offset..], 1, Goodbye, 8);
            BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 4)..], ssrc);
            offset += 8;
        }

        return offset;
    }

    private static bool TryReadReport(
        ReadOnlySpan<byte> packet,
        byte type,
        int count,
        uint ourSsrc,
        out uint senderSsrc,
        out SenderInfo? sender,
        out ReportBlock? aboutUs)
    {
        senderSsrc = 0;
        sender = null;
        aboutUs = null;
        int offset = HeaderLength + 4 + (type == SenderReport ? SenderInfoLength : 0);
        if (packet.Length < offset + (count * ReportBlockLength))
        {
            return false;
        }

        senderSsrc = BinaryPrimitives.ReadUInt32BigEndian(packet[4..]);
        if (type == SenderReport)
        {
            sender = new SenderInfo(
                BinaryPrimitives.ReadUInt64BigEndian(packet[8..]),
                BinaryPrimitives.ReadUInt32BigEndian(packet[16..]),
                BinaryPrimitives.ReadUInt32BigEndian(packet[20..]),
                BinaryPrimitives.ReadUInt32BigEndian(packet[24..]));
        }

        for (int i = 0; i < count; i++, offset += ReportBlockLength)
        {
            ReadOnlySpan<byte> block = packet.Slice(offset, ReportBlockLength);
            if (BinaryPrimitives.ReadUInt32BigEndian(block) != ourSsrc)
            {
                continue;
            }

            // The cumulative loss is a 24-bit two's complement number.
            int lost = (block[5] << 16) | (block[6] << 8) | block[7];
            aboutUs = new ReportBlock(
                ourSsrc,
                block[4],
                (lost << 8) >> 8,
                BinaryPrimitives.ReadUInt32BigEndian(block[8..]),
                BinaryPrimitives.ReadUInt32BigEndian(block[12..]),
                BinaryPrimitives.ReadUInt32BigEndian(block[16..]),
                BinaryPrimitives.ReadUInt32BigEndian(block[20..]));
        }

        return true;
    }

    private static int WriteReport(Span<byte> destination, uint ssrc, SenderInfo? sender, ReportBlock? block)
    {
        int blocks = block is null ? 0 : 1;
        int length = HeaderLength + 4 + (sender is null ? 0 : SenderInfoLength) + (blocks * ReportBlockLength);
        WriteHeader(destination, blocks, sender is null ? ReceiverReport : SenderReport, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        int offset = 8;
        if (sender is SenderInfo info)
        {
            BinaryPrimitives.WriteUInt64BigEndian(destination[8..], info.NtpTimestamp);
            BinaryPrimitives.WriteUInt32BigEndian(destination[16..], info.RtpTimestamp);
            BinaryPrimitives.WriteUInt32BigEndian(destination[20..], info.PacketCount);
            BinaryPrimitives.WriteUInt32BigEndian(destination[24..], info.OctetCount);
            offset += SenderInfoLength;
        }

        if (block is ReportBlock report)
        {
            Span<byte> target = destination.Slice(offset, ReportBlockLength);
            BinaryPrimitives.WriteUInt32BigEndian(target, report.Ssrc);

            // §6.4.1: clamp the 24-bit signed cumulative loss.
            int lost = Math.Clamp(report.CumulativeLost, -0x800000, 0x7FFFFF);
            BinaryPrimitives.WriteUInt32BigEndian(target[4..], ((uint)report.FractionLost << 24) | ((uint)lost & 0xFFFFFF));
            BinaryPrimitives.WriteUInt32BigEndian(target[8..], report.ExtendedHighestSequence);
            BinaryPrimitives.WriteUInt32BigEndian(target[12..], report.Jitter);
            BinaryPrimitives.WriteUInt32BigEndian(target[16..], report.LastSenderReport);
            BinaryPrimitives.WriteUInt32BigEndian(target[20..], report.DelaySinceLastSenderReport);
        }

        return length;
    }

    private static int WriteCname(Span<byte> destination, uint ssrc, string cname)
    {
        int textLength = Encoding.UTF8.GetByteCount(cname);
        if (textLength > 255)
        {
            throw new ArgumentException("A CNAME holds at most 255 octets.", nameof(cname));
        }

        // §6.5: SSRC, the CNAME item (type, length, text), then a null item and padding to a
        // 32-bit boundary; at least one null octet ends the item list.
        int chunk = 4 + 2 + textLength;
        int padded = (chunk + 4) & ~3;
        int length = HeaderLength + padded;
        WriteHeader(destination, 1, SourceDescription, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        destination[8] = CnameItem;
        destination[9] = (byte)textLength;
        Encoding.UTF8.GetBytes(cname, destination[10..]);
        destination[(HeaderLength + chunk)..length].Clear();
        return length;
    }

    private static void WriteHeader(Span<byte> destination, int count, byte type, int length)
    {
        destination[0] = (byte)((Version << 6) | count);
        destination[1] = type;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)((length / 4) - 1));
    }
}
