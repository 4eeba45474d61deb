using System.Net;
using System.Net.Sockets;

namespace DeskPhone.Interop.Tests.Peers;

/// <summary>
/// Picks free loopback ports by letting the kernel choose an ephemeral port, then releasing it for
/// baresip to bind. Another process could take the port in between; baresip then fails to start
/// with "Address already in use", which <see cref="BaresipPeer"/> reports with the log.
/// </summary>
internal static class LoopbackPorts
{
    private const int Attempts = 50;

    /// <summary>A free TCP port on 127.0.0.1.</summary>
    public static int FreeTcpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>
    /// A port P with UDP P, TCP P and TCP P+1 free on 127.0.0.1: baresip's <c>sip_listen</c> opens
    /// SIP over UDP and TCP on P and SIP over TLS on P+1.
    /// </summary>
    public static int FreeSipPort()
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            if (port < IPEndPoint.MaxPort && IsTcpFree(port) && IsTcpFree(port + 1))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"no free loopback SIP port pair found in {Attempts} attempts");
    }

    private static bool IsTcpFree(int port)
    {
        using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
    }
}
