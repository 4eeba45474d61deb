using System.Net;
using System.Net.Sockets;
using DeskPhone.Media.Codecs;
using DeskPhone.Media.Rtp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DeskPhone.Media.Tests;

public sealed class RtpStreamTests
{
    private static readonly byte[] SilentPcmu = Enumerable.Repeat((byte)0xFF, Signal.FrameSamples).ToArray();

    /// <summary>A plain UDP socket on loopback that plays the peer.</summary>
    private static Socket RawPeer()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 5000 };
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private static IPEndPoint EndPointOf(Socket socket) => (IPEndPoint)socket.LocalEndPoint!;

    private static MediaNegotiation Towards(IPEndPoint remote, MediaDirection direction = MediaDirection.SendRecv) =>
        new(remote, AudioCodec.Pcmu, 0, null, direction);

    private static byte[] Packet(ushort sequence, byte payloadType = 0, byte[]? payload = null)
    {
        payload ??= SilentPcmu;
        var packet = new byte[RtpPacket.FixedHeaderLength + payload.Length];
        RtpPacket.Write(packet, new RtpHeader(false, payloadType, sequence, sequence * 160u, 0x5EED), payload);
        return packet;
    }

    private static RtpHeader ReceiveHeader(Socket peer)
    {
        var buffer = new byte[2048];
        int length = peer.Receive(buffer);
        Assert.True(RtpPacket.TryRead(buffer.AsSpan(0, length), out RtpHeader header, out ReadOnlySpan<byte> payload));
        Assert.Equal(Signal.FrameSamples, payload.Length);
        return header;
    }

    /// <summary>Finds an even port P with P and P + 2 free, holding both until the caller releases them.</summary>
    private static (int Port, Socket Low, Socket High) ReserveEvenPortPair()
    {
        var random = new Random();
        for (int attempt = 0; attempt < 100; attempt++)
        {
            int port = 40000 + (2 * random.Next(5000));
            var low = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            var high = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                low.Bind(new IPEndPoint(IPAddress.Loopback, port));
                high.Bind(new IPEndPoint(IPAddress.Loopback, port + 2));
                return (port, low, high);
            }
            catch (SocketException)
            {
                low.Dispose();
                high.Dispose();
            }
        }

        throw new InvalidOperationException("No free even port pair on loopback.");
    }

    [Fact]
    public void TryOpen_BindsAnEvenPortInTheRange()
    {
        using RtpStream stream = StreamPair.OpenStream(TimeProvider.System);

        Assert.Equal(0, stream.LocalPort % 2);
        Assert.InRange(stream.LocalPort, StreamPair.Loopback.FirstPort, StreamPair.Loopback.LastPort);
    }

    [Fact]
    public void TryOpen_WhenAPortIsTaken_TriesTheNextEvenPort()
    {
        (int port, Socket low, Socket high) = ReserveEvenPortPair();
        using (low)
        {
            high.Dispose();
            var options = StreamPair.Loopback with { FirstPort = port, LastPort = port + 3 };

            using RtpStream stream = StreamPair.OpenStream(TimeProvider.System, options);

            Assert.Equal(port + 2, stream.LocalPort);
        }
    }

    [Fact]
    public void TryOpen_WhenEveryEvenPortIsTaken_ReturnsFalse()
    {
        (int port, Socket low, Socket high) = ReserveEvenPortPair();
        using (low)
        using (high)
        {
            var options = StreamPair.Loopback with { FirstPort = port, LastPort = port + 2 };

            Assert.False(RtpStream.TryOpen(options, StreamPair.Format, TimeProvider.System, NullLogger.Instance, out RtpStream? stream));
            Assert.Null(stream);
        }
    }

    [Fact]
    public void TryOpen_WithWrongSampleRate_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            RtpStream.TryOpen(StreamPair.Loopback, new Hal.AudioFormat(44100, 882), TimeProvider.System, NullLogger.Instance, out _));
    }

    [Theory]
    [InlineData(AudioCodec.Pcmu)]
    [InlineData(AudioCodec.Pcma)]
    public void TwoStreams_ExchangingA1kHzTone_ReceiverDecodesIt(AudioCodec codec)
    {
        using StreamPair pair = StreamPair.Open(codec);
        const int Frames = 6;
        for (int i = 0; i < Frames; i++)
        {
            pair.A.SendCaptureFrame(Signal.SineFrame(1000, 8000, i * Signal.FrameSamples));
            pair.B.SendCaptureFrame(Signal.SineFrame(1000, 4000, i * Signal.FrameSamples));
        }

        StreamPair.WaitForReceived(pair.B, Frames);
        StreamPair.WaitForReceived(pair.A, Frames);
        var atB = new short[Frames * Signal.FrameSamples];
        var atA = new short[Frames * Signal.FrameSamples];
        for (int i = 0; i < Frames; i++)
        {
            pair.B.ReadPlayoutFrame(atB.AsSpan(i * Signal.FrameSamples, Signal.FrameSamples));
            pair.A.ReadPlayoutFrame(atA.AsSpan(i * Signal.FrameSamples, Signal.FrameSamples));
        }

        Assert.Equal(Frames, pair.A.PacketsSent);
        Assert.InRange(Signal.Amplitude(atB, 1000), 7600, 8400);
        Assert.InRange(Signal.Amplitude(atA, 1000), 3800, 4200);
        Assert.True(Signal.Amplitude(atB, 600) < 200);
    }

    [Fact]
    public void SendCaptureFrame_NumbersPacketsPerRfc3550()
    {
        using Socket peer = RawPeer();
        using RtpStream stream = StreamPair.OpenStream(TimeProvider.System);
        stream.Start(new MediaNegotiation(EndPointOf(peer), AudioCodec.Pcma, 8, null, MediaDirection.SendRecv));

        var frame = new short[Signal.FrameSamples];
        for (int i = 0; i < 3; i++)
        {
            stream.SendCaptureFrame(frame);
        }

        RtpHeader[] headers = [ReceiveHeader(peer), ReceiveHeader(peer), ReceiveHeader(peer)];
        Assert.Equal([true, false, false], headers.Select(header => header.Marker));
        Assert.All(headers, header => Assert.Equal(8, header.PayloadType));
        Assert.All(headers, header => Assert.Equal(headers[0].Ssrc, header.Ssrc));
        Assert.Equal((ushort)(headers[0].SequenceNumber + 1), headers[1].SequenceNumber);
        Assert.Equal((ushort)(headers[0].SequenceNumber + 2), headers[2].SequenceNumber);
        Assert.Equal(headers[0].Timestamp + 160, headers[1].Timestamp);
        Assert.Equal(headers[0].Timestamp + 320, headers[2].Timestamp);
        Assert.Equal(3, stream.PacketsSent);
    }

    [Fact]
    public void SendCaptureFrame_WhenNotAllowedToSend_SendsNothingAndMarksTheNextTalkspurt()
    {
        using Socket peer = RawPeer();
        using RtpStream stream = StreamPair.OpenStream(TimeProvider.System);
        var frame = new short[Signal.FrameSamples];
        stream.Start(Towards(EndPointOf(peer)));
        stream.SendCaptureFrame(frame);
        RtpHeader first = ReceiveHeader(peer);

        stream.Start(Towards(EndPointOf(peer), MediaDirection.RecvOnly));
        stream.SendCaptureFrame(frame);
        stream.SendCaptureFrame(frame);
        Assert.Equal(1, stream.PacketsSent);

        stream.Start(Towards(EndPointOf(peer)));
        stream.SendCaptureFrame(frame);
        RtpHeader resumed = ReceiveHeader(peer);

        Assert.True(resumed.Marker);
        Assert.Equal((ushort)(first.SequenceNumber + 1), resumed.SequenceNumber);
        Assert.Equal(first.Timestamp + (3 * 160), resumed.Timestamp);
    }

    [Fact]
    public void Receive_DropsMalformedAndForeignPayloadTypes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        using Socket peer = RawPeer();
        using RtpStream stream = StreamPair.OpenStream(time);
        stream.Start(Towards(EndPointOf(peer)));
        var target = new IPEndPoint(IPAddress.Loopback, stream.LocalPort);

        byte[] badVersion = Packet(1);
        badVersion[0] = 0x40;
        peer.SendTo(badVersion, target);
        peer.SendTo(Packet(2, payloadType: 8), target);
        peer.SendTo(Packet(3, payloadType: 101, payload: [0x01, 0x0A, 0x00, 0xA0]), target);
        peer.SendTo(Packet(4), target);
        StreamPair.WaitForReceived(stream, 1);

        // Loopback keeps order, so the packets before the good one were already judged.
        Assert.Equal(1, stream.PacketsReceived);
        Assert.Equal(time.GetUtcNow(), stream.LastReceivedAt);
    }

    [Fact]
    public void SendCaptureFrame_AfterPeerPacketsArrive_LatchesToTheirSource()
    {
        using Socket peer = RawPeer();
        using Socket signalled = RawPeer();
        using RtpStream stream = StreamPair.OpenStream(TimeProvider.System);
        stream.Start(Towards(EndPointOf(signalled)));

        peer.SendTo(Packet(7), new IPEndPoint(IPAddress.Loopback, stream.LocalPort));
        StreamPair.WaitForReceived(stream, 1);
        stream.SendCaptureFrame(new short[Signal.FrameSamples]);

        Assert.Equal(1, stream.PacketsSent);
        Assert.Equal(0, ReceiveHeader(peer).PayloadType);
        Assert.Equal(0, signalled.Available);
    }

    [Fact]
    public void ReadPlayoutFrame_BeforeStartAndAfterStop_IsSilence()
    {
        using StreamPair pair = StreamPair.Open();
        short[] frame = Enumerable.Repeat((short)5, Signal.FrameSamples).ToArray();
        pair.B.Stop();
        pair.B.ReadPlayoutFrame(frame);
        Assert.All(frame, sample => Assert.Equal(0, sample));

        pair.A.Stop();
        pair.A.SendCaptureFrame(Signal.SineFrame(1000, 8000, 0));
        Assert.Equal(0, pair.A.PacketsSent);
    }

    [Fact]
    public void ReceivedAudio_IsDecodedWithTheNegotiatedCodec()
    {
        using Socket peer = RawPeer();
        using RtpStream stream = StreamPair.OpenStream(TimeProvider.System);
        stream.Start(new MediaNegotiation(EndPointOf(peer), AudioCodec.Pcma, 8, null, MediaDirection.SendRecv));
        var target = new IPEndPoint(IPAddress.Loopback, stream.LocalPort);
        byte[] loud = Enumerable.Repeat((byte)0xAA, Signal.FrameSamples).ToArray();
        peer.SendTo(Packet(1, payloadType: 8, payload: loud), target);
        peer.SendTo(Packet(2, payloadType: 8, payload: loud), target);
        StreamPair.WaitForReceived(stream, 2);

        var frame = new short[Signal.FrameSamples];
        stream.ReadPlayoutFrame(frame);

        Assert.All(frame, sample => Assert.Equal(G711ALaw.Decode(0xAA), sample));
    }

    [Fact]
    public void Start_WithOtherAddressFamily_Throws()
    {
        using RtpStream stream = StreamPair.OpenStream(TimeProvider.System);

        Assert.Throws<ArgumentException>(() => stream.Start(Towards(new IPEndPoint(IPAddress.IPv6Loopback, 5004))));
    }

    [Fact]
    public void Dispose_Twice_IsHarmlessAndStartAfterwardsThrows()
    {
        RtpStream stream = StreamPair.OpenStream(TimeProvider.System);

        stream.Dispose();
        stream.Dispose();

        Assert.Throws<ObjectDisposedException>(() => stream.Start(Towards(new IPEndPoint(IPAddress.Loopback, 5004))));
        stream.SendCaptureFrame(new short[Signal.FrameSamples]);
        Assert.Equal(0, stream.PacketsSent);
    }
}
