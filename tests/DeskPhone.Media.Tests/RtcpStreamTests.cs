using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using DeskPhone.Media.Rtcp;
using Microsoft.Extensions.Time.Testing;

namespace DeskPhone.Media.Tests;

/// <summary>
/// A stream's RTCP against a raw peer on loopback: reports on the injected clock, the peer's
/// reports read, the round-trip time worked out, bad packets counted, BYE on stop.
/// </summary>
public sealed class RtcpStreamTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly Socket _rtp;
    private readonly Socket _rtcp;
    private readonly RtpStream _stream;

    public RtcpStreamTests()
    {
        (_rtp, _rtcp) = BindPortPair();
        _stream = StreamPair.OpenStream(_time);
        _stream.Start(new MediaNegotiation((IPEndPoint)_rtp.LocalEndPoint!, AudioCodec.Pcmu, 0, null, MediaDirection.SendRecv));
    }

    private IPEndPoint StreamRtcp => new(IPAddress.Loopback, _stream.LocalPort + 1);

    /// <summary>Two sockets on consecutive loopback ports P (even) and P + 1, as a peer's RTP and RTCP.</summary>
    private static (Socket Rtp, Socket Rtcp) BindPortPair()
    {
        var random = new Random();
        for (int attempt = 0; attempt < 100; attempt++)
        {
            int port = 40000 + (2 * random.Next(10000));
            var rtp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 5000 };
            var rtcp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 5000 };
            try
            {
                rtp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                rtcp.Bind(new IPEndPoint(IPAddress.Loopback, port + 1));
                return (rtp, rtcp);
            }
            catch (SocketException)
            {
                rtp.Dispose();
                rtcp.Dispose();
            }
        }

        throw new InvalidOperationException("No free port pair on loopback.");
    }

    private byte[] ReceiveRtcp()
    {
        var buffer = new byte[1500];
        int length = _rtcp.Receive(buffer);
        return buffer[..length];
    }

    private static void WaitFor(Func<bool> condition, string what) =>
        Assert.True(SpinWait.SpinUntil(condition, TimeSpan.FromSeconds(5)), what);

    [Fact]
    public void Reports_ComeOnTheInjectedClock_AsSenderReportsWithCname()
    {
        _time.Advance(TimeSpan.FromSeconds(1.2));
        Assert.Equal(0, _stream.Rtcp.ReportsSent);
        for (int i = 0; i < 3; i++)
        {
            _stream.SendCaptureFrame(new short[160]);
        }

        // The first report within 0.5-1.5 times 2.5 s, the next within 0.5-1.5 times 5 s.
        _time.Advance(TimeSpan.FromSeconds(2.6));
        Assert.Equal(1, _stream.Rtcp.ReportsSent);
        byte[] first = ReceiveRtcp();
        _time.Advance(TimeSpan.FromSeconds(7.5));
        Assert.Equal(2, _stream.Rtcp.ReportsSent);
        byte[] second = ReceiveRtcp();

        Assert.True(RtcpPacket.TryRead(first, 0, out RtcpReport report));
        SenderInfo sender = Assert.NotNull(report.Sender);
        Assert.Equal(3u, sender.PacketCount);
        Assert.Equal(3u * 160, sender.OctetCount);
        Assert.Equal(NtpTime.From(_time.GetUtcNow() - TimeSpan.FromSeconds(7.5)) >> 32, sender.NtpTimestamp >> 32, tolerance: 4);

        // No report block yet (nothing received): the SR is 28 octets, the SDES follows.
        Assert.Equal(202, first[29]);
        Assert.Equal(_stream.Rtcp.Cname.Length, first[37]);

        // Nothing sent since: a receiver report.
        Assert.Equal(201, second[1]);
    }

    [Fact]
    public void PeerReceiverReport_AboutOurSenderReport_GivesTheRoundTripTime()
    {
        _stream.SendCaptureFrame(new short[160]);
        _time.Advance(TimeSpan.FromSeconds(3.75));
        Assert.True(RtcpPacket.TryRead(ReceiveRtcp(), 0, out RtcpReport ours));
        SenderInfo sender = Assert.NotNull(ours.Sender);

        // The peer held our SR for 250 ms; the whole exchange took 400 ms: 150 ms on the wire.
        _time.Advance(TimeSpan.FromMilliseconds(400));
        var block = new ReportBlock(ours.SenderSsrc, 64, 3, 1, 0, NtpTime.Middle(sender.NtpTimestamp), NtpTime.Units(TimeSpan.FromMilliseconds(250)));
        var packet = new byte[1500];
        int length = RtcpPacket.Write(packet, 0xFEED, null, block, "peer", bye: false);
        _rtcp.SendTo(packet.AsSpan(0, length), SocketFlags.None, StreamRtcp);
        WaitFor(() => _stream.Rtcp.ReportsReceived == 1, "report not read");

        Assert.Equal(150, _stream.Rtcp.RoundTripTime!.Value.TotalMilliseconds, tolerance: 0.1);
        Assert.Equal(0.25, _stream.Rtcp.PeerFractionLost);
    }

    [Fact]
    public void BadPackets_AreDroppedAndCounted()
    {
        _rtcp.SendTo(new byte[] { 0x80, 202, 0, 0 }, StreamRtcp);
        _rtcp.SendTo(new byte[] { 0x80, 201, 0, 5, 1, 2, 3, 4 }, StreamRtcp);
        _rtcp.SendTo(new byte[] { 0x80, 201, 0, 1, 1, 2, 3, 4 }, StreamRtcp);
        WaitFor(() => _stream.Rtcp.ReportsReceived == 1, "the good report was not read");

        Assert.Equal(2, _stream.Rtcp.BadPackets);
    }

    [Fact]
    public void Stop_SendsBye()
    {
        _stream.Stop();

        Assert.True(RtcpPacket.TryRead(ReceiveRtcp(), 0, out RtcpReport report));
        Assert.True(report.Bye);
        Assert.Equal(1, _stream.Rtcp.ReportsSent);

        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(1, _stream.Rtcp.ReportsSent);
    }

    [Fact]
    public void ReceiverReports_CarryTheLossOfThePeersStream()
    {
        var payload = Enumerable.Repeat((byte)0xFF, 160).ToArray();
        foreach (ushort sequence in new ushort[] { 1, 2, 4, 5 })
        {
            var packet = new byte[172];
            Rtp.RtpPacket.Write(packet, new Rtp.RtpHeader(false, 0, sequence, sequence * 160u, 0xC0FFEE), payload);
            _rtp.SendTo(packet, new IPEndPoint(IPAddress.Loopback, _stream.LocalPort));
        }

        StreamPair.WaitForReceived(_stream, 4);
        _time.Advance(TimeSpan.FromSeconds(3.75));
        byte[] report = ReceiveRtcp();

        Assert.Equal(201, report[1]);
        Assert.Equal(0xC0FFEEu, BinaryPrimitives.ReadUInt32BigEndian(report.AsSpan(8)));
        Assert.Equal(256 / 5, report[12]);
        Assert.Equal([0, 0, 1], report[13..16]);
        Assert.Equal(5u, BinaryPrimitives.ReadUInt32BigEndian(report.AsSpan(16)));
    }

    public void Dispose()
    {
        _stream.Dispose();
        _rtp.Dispose();
        _rtcp.Dispose();
    }
}
