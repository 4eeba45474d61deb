using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DeskPhone.Interop.Tests.Lab;

/// <summary>
/// Tells when Kamailio is really routing: it binds its UDP socket before its workers run,
/// so only an answer to an OPTIONS addressed to the PBX itself proves the script is live.
/// </summary>
internal static class SipOptionsProbe
{
    private static readonly TimeSpan AnswerWait = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Sends OPTIONS every 250 ms until a 200 arrives (true), the process exits or
    /// <paramref name="deadline"/> passes (false).
    /// </summary>
    public static async Task<bool> WaitForAnswerAsync(
        IPEndPoint pbx, Process process, TimeSpan deadline, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var localPort = ((IPEndPoint)socket.LocalEndPoint!).Port;
        var buffer = new byte[4096];
        var clock = Stopwatch.StartNew();

        for (var attempt = 1; clock.Elapsed < deadline; attempt++)
        {
            if (process.HasExited)
            {
                return false;
            }

            await socket.SendToAsync(Request(pbx, localPort, attempt), SocketFlags.None, pbx, cancellationToken);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(AnswerWait);
            try
            {
                var received = await socket.ReceiveFromAsync(
                    buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), wait.Token);
                if (Encoding.ASCII.GetString(buffer, 0, received.ReceivedBytes).StartsWith("SIP/2.0 200 ", StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // No answer yet: Kamailio is still starting its workers.
            }
        }

        return false;
    }

    private static byte[] Request(IPEndPoint pbx, int localPort, int attempt)
    {
        var callId = Guid.NewGuid().ToString("N");
        var text =
            $"OPTIONS sip:{pbx} SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP 127.0.0.1:{localPort};rport;branch=z9hG4bK{callId}\r\n" +
            "Max-Forwards: 70\r\n" +
            $"From: <sip:lab-probe@127.0.0.1>;tag=probe{attempt}\r\n" +
            $"To: <sip:{pbx}>\r\n" +
            $"Call-ID: {callId}@127.0.0.1\r\n" +
            $"CSeq: {attempt} OPTIONS\r\n" +
            "Content-Length: 0\r\n\r\n";
        return Encoding.ASCII.GetBytes(text);
    }
}
