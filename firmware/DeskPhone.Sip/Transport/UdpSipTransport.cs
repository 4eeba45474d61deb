using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Sip.Transport;

/// <summary>
/// SIP over UDP (RFC 3261 §18). A receive thread reads datagrams and hands each to
/// <see cref="MessageReceived"/>; sends go straight to the socket from the signalling loop.
/// </summary>
public sealed class UdpSipTransport : ISocketSipTransport
{
    // Bursts of retransmissions and messages must not be dropped by the kernel; the default is
    // about 208 KiB here.
    private const int ReceiveBufferBytes = 1 << 20;

    private readonly Socket socket;
    private readonly Thread receiver;
    private readonly ILogger logger;
    private volatile bool stopping;

    public UdpSipTransport(IPEndPoint listen, ILogger<UdpSipTransport> logger)
    {
        this.logger = logger;
        socket = new Socket(listen.AddressFamily, SocketType.Dgram, ProtocolType.Udp)
        {
            ReceiveBufferSize = ReceiveBufferBytes,
        };
        socket.Bind(listen);
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        receiver = new Thread(Receive) { IsBackground = true, Name = "sip-udp-receive" };
    }

    /// <summary>
    /// Raised for every datagram with its bytes (valid only during the call) and its source.
    /// THREAD: the transport's receive thread; the handler must copy or parse and post.
    /// </summary>
    public event Action<ReadOnlyMemory<byte>, IPEndPoint>? MessageReceived;

    public IPEndPoint LocalEndPoint { get; }

    public void Start() => receiver.Start();

    public void Send(ReadOnlySpan<byte> message, IPEndPoint destination)
    {
        if (logger.IsEnabled(LogLevel.Trace))
        {
            logger.LogTrace("SIP to {Destination}:\n{Message}", destination, System.Text.Encoding.UTF8.GetString(message));
        }

        try
        {
            socket.SendTo(message, SocketFlags.None, destination);
        }
        catch (SocketException exception)
        {
            // UDP gives no delivery guarantee anyway; the transaction timers handle the loss.
            logger.LogWarning("UDP send to {Destination} failed: {Error}", destination, exception.SocketErrorCode);
        }
    }

    public void Dispose()
    {
        stopping = true;
        socket.Dispose();
        if (receiver.IsAlive)
        {
            receiver.Join(TimeSpan.FromSeconds(2));
        }
    }

    private void Receive()
    {
        var buffer = new byte[65_536];
        EndPoint any = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!stopping)
        {
            int length;
            EndPoint source = any;
            try
            {
                length = socket.ReceiveFrom(buffer, ref source);
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
            {
                // Windows reports an ICMP port unreachable this way, without saying which send it
                // answers, so it cannot fail a transaction; Linux does not report it at all on an
                // unconnected socket. Over UDP the transaction's timers find the loss (RFC 3261 §17.1).
                continue;
            }
            catch (Exception) when (stopping)
            {
                return;
            }

            if (logger.IsEnabled(LogLevel.Trace))
            {
                logger.LogTrace("SIP from {Source}:\n{Message}", source, System.Text.Encoding.UTF8.GetString(buffer, 0, length));
            }

            MessageReceived?.Invoke(buffer.AsMemory(0, length), (IPEndPoint)source);
        }
    }
}
