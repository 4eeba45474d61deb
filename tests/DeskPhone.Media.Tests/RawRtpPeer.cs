using System.Net;
using System.Net.Sockets;
using DeskPhone.Media.Rtp;

namespace DeskPhone.Media.Tests;

/// <summary>A plain UDP socket on loopback that plays the peer of a stream, byte by byte.</summary>
internal sealed class RawRtpPeer : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 5000 };

    public RawRtpPeer()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    }

    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>Bytes waiting to be received.</summary>
    public int Available => _socket.Available;

    public static byte[] Packet(in RtpHeader header, ReadOnlySpan<byte> payload)
    {
        var packet = new byte[RtpPacket.FixedHeaderLength + payload.Length];
        RtpPacket.Write(packet, header, payload);
        return packet;
    }

    public void SendTo(RtpStream stream, byte[] packet) =>
        _socket.SendTo(packet, new IPEndPoint(IPAddress.Loopback, stream.LocalPort));

    /// <summary>The next datagram, parsed as RTP (failing the test if it is not).</summary>
    public (RtpHeader Header, byte[] Payload) Receive()
    {
        var buffer = new byte[2048];
        int length = _socket.Receive(buffer);
        Assert.True(RtpPacket.TryRead(buffer.AsSpan(0, length), out RtpHeader header, out ReadOnlySpan<byte> payload));
        return (header, payload.ToArray());
    }

    public void Dispose() => _socket.Dispose();
}
