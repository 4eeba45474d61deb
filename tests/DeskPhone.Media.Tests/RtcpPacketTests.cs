using System.Buffers.Binary;
using System.Text;
using DeskPhone.Media.Rtcp;

namespace DeskPhone.Media.Tests;

/// <summary>Compound RTCP packets (RFC 3550 §6) byte by byte, and the §A.2 validity checks.</summary>
public sealed class RtcpPacketTests
{
    private const uint Ours = 0x11223344;
    private const uint Theirs = 0xA1B2C3D4;
    private const string Cname = "AAECAwQFBgcICQoL";

    private static readonly SenderInfo Sender = new(0xE8F0_1234_8000_0000, 123456, 250, 40_000);
    private static readonly ReportBlock Block = new(Ours, 25, 7, 0x0001_0010, 80, 0x1234_8000, 0x0000_4000);

    private static byte[] Compound(SenderInfo? sender, ReportBlock? block, bool bye)
    {
        var buffer = new byte[1500];
        int length = RtcpPacket.Write(buffer, Theirs, sender, block, Cname, bye);
        return buffer[..length];
    }

    [Fact]
    public void Write_SenderReportWithCname_LaysOutEveryField()
    {
        byte[] packet = Compound(Sender, Block, bye: false);

        // SR: V=2, RC=1, PT=200, 13 words; SDES: V=2, SC=1, PT=202, 7 words (CNAME of 16 octets, null item, padding).
        Assert.Equal(52 + 28, packet.Length);
        Assert.Equal([0x81, 200, 0, 12], packet[..4]);
        Assert.Equal(Theirs, BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(4)));
        Assert.Equal(Sender.NtpTimestamp, BinaryPrimitives.ReadUInt64BigEndian(packet.AsSpan(8)));
        Assert.Equal(Ours, BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(28)));
        Assert.Equal([25, 0, 0, 7], packet[32..36]);
        Assert.Equal([0x81, 202, 0, 6], packet[52..56]);
        Assert.Equal([1, 16], packet[60..62]);
        Assert.Equal(Cname, Encoding.ASCII.GetString(packet, 62, 16));
        Assert.Equal([0, 0], packet[78..]);
    }

    [Fact]
    public void Write_ReceiverReportWithBye_ReadsBack()
    {
        byte[] packet = Compound(null, Block with { CumulativeLost = -3 }, bye: true);

        Assert.Equal(201, packet[1]);
        Assert.Equal([0x81, 203, 0, 1], packet[^8..^4]);
        Assert.True(RtcpPacket.TryRead(packet, Ours, out RtcpReport report));
        Assert.Equal(new RtcpReport(Theirs, null, Block with { CumulativeLost = -3 }, Bye: true), report);
    }

    [Fact]
    public void TryRead_SenderReport_GivesSenderInfoAndOurBlockOnly()
    {
        byte[] packet = Compound(Sender, Block, bye: false);

        Assert.True(RtcpPacket.TryRead(packet, Ours, out RtcpReport report));
        Assert.Equal(new RtcpReport(Theirs, Sender, Block, Bye: false), report);

        Assert.True(RtcpPacket.TryRead(packet, 0x999, out RtcpReport aboutOthers));
        Assert.Null(aboutOthers.AboutUs);
    }

    [Fact]
    public void TryRead_EveryPrefixNotEndingOnAPacket_IsRefused()
    {
        byte[] packet = Compound(Sender, Block, bye: true);
        int[] boundaries = [52, 80, 88];

        for (int length = 0; length < packet.Length; length++)
        {
            Assert.Equal(boundaries.Contains(length), RtcpPacket.TryRead(packet.AsSpan(0, length), Ours, out _));
        }
    }

    public static TheoryData<string, Action<byte[]>> Corruptions => new()
    {
        { "version 1", packet => packet[0] = 0x41 },
        { "SDES first", packet => packet[1] = 202 },
        { "length past the end", packet => packet[3] = 40 },
        { "padding on the first packet", packet => packet[0] |= 0x20 },
        { "more report blocks than fit", packet => packet[0] = 0x83 },
        { "second packet version 3", packet => packet[52] = 0xC1 },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void TryRead_MalformedCompound_IsRefused(string corruption, Action<byte[]> corrupt)
    {
        byte[] packet = Compound(Sender, Block, bye: false);
        corrupt(packet);

        Assert.False(RtcpPacket.TryRead(packet, Ours, out _), corruption);
    }

    [Fact]
    public void TryRead_PaddedLastPacket_IsAccepted()
    {
        byte[] unpadded = Compound(null, null, bye: false);
        byte[] packet = [.. unpadded, 0, 0, 0, 4];
        packet[8] |= 0x20;
        packet[11] += 1;

        Assert.True(RtcpPacket.TryRead(packet, Ours, out RtcpReport report));
        Assert.Equal(Theirs, report.SenderSsrc);

        packet[^1] = 0;
        Assert.False(RtcpPacket.TryRead(packet, Ours, out _));
    }

    [Fact]
    public void NtpTime_OfAKnownInstant_MatchesRfc5905()
    {
        // 2000-01-01 is 3,155,673,600 s after 1900-01-01; half a second is a fraction of 2^31.
        ulong ntp = NtpTime.From(new DateTimeOffset(2000, 1, 1, 0, 0, 0, 500, TimeSpan.Zero));

        Assert.Equal((3_155_673_600UL << 32) | 0x8000_0000, ntp);
        // The middle 32 bits: the low half of the seconds (0xBC17C200) and the high half of the fraction.
        Assert.Equal(0xC200_8000u, NtpTime.Middle(ntp));
        Assert.Equal(TimeSpan.FromMilliseconds(250), NtpTime.FromUnits(NtpTime.Units(TimeSpan.FromMilliseconds(250))));
    }
}
