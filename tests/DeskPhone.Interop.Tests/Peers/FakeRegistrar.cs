using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DeskPhone.Interop.Tests.Peers;

/// <summary>
/// The least registrar that lets <see cref="BaresipPeer"/>'s registration wait be tested without
/// Kamailio: a UDP socket on 127.0.0.1 answering every REGISTER with one fixed status. A 2xx echoes
/// the request's Contact with an expires parameter (RFC 3261 §10.3 step 8); every response copies
/// Via, From, Call-ID and CSeq and adds a To tag (§8.2.6.2).
/// </summary>
internal sealed class FakeRegistrar : IAsyncDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly string _statusLine;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _registerCount;

    public FakeRegistrar(int status, string reason)
    {
        _statusLine = FormattableString.Invariant($"SIP/2.0 {status} {reason}");
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>"127.0.0.1:port", ready for <see cref="BaresipPeerOptions.Registrar"/>.</summary>
    public string Address => _socket.LocalEndPoint!.ToString()!;

    /// <summary>REGISTER requests answered so far.</summary>
    public int RegisterCount => Volatile.Read(ref _registerCount);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _loop;
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        var buffer = new byte[65536];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
                var request = Encoding.UTF8.GetString(buffer, 0, received.ReceivedBytes);
                if (request.StartsWith("REGISTER ", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _registerCount);
                    await _socket.SendToAsync(Encoding.UTF8.GetBytes(Respond(request)), SocketFlags.None, received.RemoteEndPoint, _stop.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private string Respond(string request)
    {
        var response = new StringBuilder(_statusLine).Append("\r\n");
        foreach (var line in request.Split("\r\n"))
        {
            var name = line.Split(':', 2)[0].Trim().ToLowerInvariant();
            switch (name)
            {
                case "via" or "from" or "call-id" or "cseq":
                    response.Append(line).Append("\r\n");
                    break;
                case "to":
                    response.Append(line).Append(";tag=fake\r\n");
                    break;
                case "contact" when _statusLine.StartsWith("SIP/2.0 2", StringComparison.Ordinal):
                    response.Append(line).Append(";expires=3600\r\n");
                    break;
            }
        }

        return response.Append("Content-Length: 0\r\n\r\n").ToString();
    }
}
