using DeskPhone.Media.Rtp;

namespace DeskPhone.Media.Tests;

public sealed class RtpPacketTests
{
    // V=2, no P/X/CC, M=0, PT=0, seq 0x1234, ts 0x000000A0, SSRC 0xDEADBEEF, 3-byte payload.
    private static readonly byte[] Minimal =
        [0x80, 0x00, 0x12, 0x34, 0x00, 0x00, 0x00, 0xA0, 0xDE, 0xAD, 0xBE, 0xEF, 0x01, 0x02, 0x03];

    [Fact]
    public void TryRead_MinimalPacket_ReturnsHeaderFieldsAndPayload()
    {
        Assert.True(RtpPacket.TryRead(Minimal, out RtpHeader header, out ReadOnlySpan<byte> payload));

        Assert.Equal(new RtpHeader(false, 0, 0x1234, 0xA0, 0xDEADBEEF), header);
        Assert.Equal(new byte[] { 1, 2, 3 }, payload.ToArray());
    }

    [Fact]
    public void TryRead_MarkerAndPayloadType_AreSplitFromSecondOctet()
    {
        byte[] packet = [.. Minimal];
        packet[1] = 0x88;

        Assert.True(RtpPacket.TryRead(packet, out RtpHeader header, out _));

        Assert.True(header.Marker);
        Assert.Equal(8, header.PayloadType);
    }

    [Fact]
    public void TryRead_CsrcList_IsSkipped()
    {
        byte[] packet =
        [
            0x82, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1,
            0x11, 0x11, 0x11, 0x11, 0x22, 0x22, 0x22, 0x22,
            0xAB,
        ];

        Assert.True(RtpPacket.TryRead(packet, out _, out ReadOnlySpan<byte> payload));

        Assert.Equal(new byte[] { 0xAB }, payload.ToArray());
    }

    [Fact]
    public void TryRead_HeaderExtension_IsSkipped()
    {
        byte[] packet =
        [
            0x90, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1,
            0xBE, 0xDE, 0x00, 0x01, 0x10, 0xFF, 0x00, 0x00,
            0xCD, 0xEF,
        ];

        Assert.True(RtpPacket.TryRead(packet, out _, out ReadOnlySpan<byte> payload));

        Assert.Equal(new byte[] { 0xCD, 0xEF }, payload.ToArray());
    }

    [Fact]
    public void TryRead_Padding_IsRemovedFromPayload()
    {
        byte[] packet = [0xA0, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 0x55, 0x66, 0x00, 0x00, 0x03];

        Assert.True(RtpPacket.TryRead(packet, out _, out ReadOnlySpan<byte> payload));

        Assert.Equal(new byte[] { 0x55, 0x66 }, payload.ToArray());
    }

    public static TheoryData<string, byte[]> MalformedPackets => new()
    {
        { "empty", [] },
        { "truncated header", [0x80, 0x00, 0x12, 0x34, 0x00, 0x00, 0x00, 0xA0, 0xDE, 0xAD, 0xBE] },
        { "version 1", [0x40, 0x00, 0x12, 0x34, 0x00, 0x00, 0x00, 0xA0, 0xDE, 0xAD, 0xBE, 0xEF] },
        { "version 0", [0x00, 0x00, 0x12, 0x34, 0x00, 0x00, 0x00, 0xA0, 0xDE, 0xAD, 0xBE, 0xEF, 0x01] },
        { "CSRC list past end", [0x83, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 0x11, 0x11, 0x11, 0x11] },
        { "extension header past end", [0x90, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE] },
        { "extension body past end", [0x90, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE, 0x00, 0x02, 0, 0, 0, 0] },
        { "padding longer than packet", [0xA0, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 0x55, 0x10] },
        { "padding count zero", [0xA0, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 0x55, 0x00] },
    };

    [Theory]
    [MemberData(nameof(MalformedPackets))]
    public void TryRead_MalformedPacket_ReturnsFalse(string description, byte[] packet)
    {
        Assert.False(RtpPacket.TryRead(packet, out _, out _), description);
    }

    [Fact]
    public void TryRead_RandomBytes_NeverThrows()
    {
        var random = new Random(3550);
        var buffer = new byte[64];
        for (int i = 0; i < 20_000; i++)
        {
            int length = random.Next(buffer.Length + 1);
            random.NextBytes(buffer.AsSpan(0, length));
            if (RtpPacket.TryRead(buffer.AsSpan(0, length), out _, out ReadOnlySpan<byte> payload))
            {
                Assert.InRange(payload.Length, 0, length - RtpPacket.FixedHeaderLength);
            }
        }
    }

    [Fact]
    public void Write_ThenTryRead_RoundTrips()
    {
        var header = new RtpHeader(true, 8, 65535, 0xFFFFFF60, 0x01020304);
        byte[] payload = [9, 8, 7, 6];
        var packet = new byte[RtpPacket.FixedHeaderLength + payload.Length];

        int length = RtpPacket.Write(packet, header, payload);

        Assert.Equal(packet.Length, length);
        Assert.Equal(new byte[] { 0x80, 0x88, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x60, 0x01, 0x02, 0x03, 0x04 }, packet[..12]);
        Assert.True(RtpPacket.TryRead(packet, out RtpHeader read, out ReadOnlySpan<byte> readPayload));
        Assert.Equal(header, read);
        Assert.Equal(payload, readPayload.ToArray());
    }

    [Fact]
    public void Write_DestinationTooShort_Throws()
    {
        Assert.Throws<ArgumentException>(() => RtpPacket.Write(new byte[13], new RtpHeader(false, 0, 0, 0, 0), new byte[2]));
    }
}
