using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Sip.Transport;

/// <summary>
/// SIP over TCP (RFC 3261 §18). Listens on <see cref="LocalEndPoint"/> (the sent-by of our Vias
/// and the port of our Contact) and keeps one connection per remote address and port: a request
/// goes on the open connection to its destination or opens one (§18.1.1), a response goes back on
/// the connection its request came on (§18.2.2), since its destination is that connection's far
/// end. Connections with no traffic for <see cref="TcpTransportOptions.IdleTimeout"/> are closed;
/// the next message to that peer simply opens a new one. Double-CRLF pings from peers are answered
/// here; pongs and closed connections are reported for the keep-alive of RFC 5626 §4.4.1.
/// </summary>
public sealed class TcpSipTransport : ISocketSipTransport, IConnectionTransport
{
    private const int ListenBacklog = 16;

    private static readonly byte[] PingBytes = "\r\n\r\n"u8.ToArray();

    private readonly Socket listener;
    private readonly ConcurrentDictionary<IPEndPoint, TcpConnection> connections = new();
    private readonly TcpTransportOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private ITimer? idleSweep;
    private long refusedConnections;

    public TcpSipTransport(IPEndPoint listen, TcpTransportOptions options, TimeProvider time, ILogger<TcpSipTransport> logger)
    {
        this.options = options;
        this.time = time;
        this.logger = logger;
        listener = new Socket(listen.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(listen);
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
    }

    /// <inheritdoc/>
    public event Action<ReadOnlyMemory<byte>, IPEndPoint>? MessageReceived;

    /// <inheritdoc/>
    public event Action<IPEndPoint>? PongReceived;

    /// <inheritdoc/>
    public event Action<IPEndPoint>? ConnectionClosed;

    /// <inheritdoc/>
    public event Action<SendFailure>? SendFailed;

    public IPEndPoint LocalEndPoint { get; }

    public string Name => "TCP";

    public bool IsReliable => true;

    /// <summary>Connections open now (or being opened). THREAD: any.</summary>
    public int ConnectionCount => connections.Count;

    /// <summary>Incoming connections refused because <see cref="TcpTransportOptions.MaxConnections"/> were open.</summary>
    public long RefusedConnections => Interlocked.Read(ref refusedConnections);

    public void Start()
    {
        listener.Listen(ListenBacklog);
        _ = AcceptAsync();
        var sweep = options.IdleTimeout / 4;
        idleSweep = time.CreateTimer(_ => CloseIdle(), null, sweep, sweep);
    }

    public void Send(ReadOnlySpan<byte> message, IPEndPoint destination)
    {
        if (logger.IsEnabled(LogLevel.Trace))
        {
            logger.LogTrace("SIP to tcp:{Destination}:\n{Message}", destination, System.Text.Encoding.UTF8.GetString(message));
        }

        var connection = connections.TryGetValue(destination, out var open) ? open : Connect(destination);
        var bytes = message.ToArray();
        if (!connection.Enqueue(bytes))
        {
            // The connection just failed or its peer stopped reading: the transaction hears of it
            // now rather than at its timeout (RFC 3261 §18.1.1).
            OnUnsent(destination, bytes, connection.CloseReason ?? "send queue full");
        }
    }

    public bool TrySendPing(IPEndPoint destination) =>
        connections.TryGetValue(destination, out var connection) && connection.Enqueue(PingBytes);

    public void Close(IPEndPoint destination)
    {
        if (connections.TryGetValue(destination, out var connection))
        {
            connection.Close("closed by the user agent");
        }
    }

    public void Dispose()
    {
        stopping.Cancel();
        idleSweep?.Dispose();
        listener.Dispose();
        foreach (var connection in connections.Values)
        {
            connection.Close("transport stopped");
        }
    }

    /// <summary>THREAD: the connection's receive task.</summary>
    internal void OnMessage(TcpConnection connection, ReadOnlyMemory<byte> message)
    {
        if (logger.IsEnabled(LogLevel.Trace))
        {
            logger.LogTrace("SIP from tcp:{Source}:\n{Message}", connection.Remote, System.Text.Encoding.UTF8.GetString(message.Span));
        }

        MessageReceived?.Invoke(message, connection.Remote);
    }

    /// <summary>
    /// A message that will never be written: reported so its transaction can fail over at once.
    /// Keep-alives (CRLF only, RFC 5626 §4.4.1) are not messages and are not reported.
    /// THREAD: the connection's task, or the signalling loop from <see cref="Send"/>.
    /// </summary>
    internal void OnUnsent(IPEndPoint destination, byte[] bytes, string reason)
    {
        if (bytes.AsSpan().IndexOfAnyExcept("\r\n"u8) < 0)
        {
            return;
        }

        logger.LogWarning("TCP message to {Destination} not sent: {Reason}", destination, reason);
        SendFailed?.Invoke(new SendFailure(destination, bytes, reason));
    }

    /// <summary>THREAD: the connection's receive task.</summary>
    internal void OnPong(TcpConnection connection) => PongReceived?.Invoke(connection.Remote);

    /// <summary>THREAD: the connection's task.</summary>
    internal void OnConnected(TcpConnection connection) =>
        logger.LogDebug("TCP connection to {Remote} open", connection.Remote);

    /// <summary>THREAD: whichever closed the connection.</summary>
    internal void OnClosed(TcpConnection connection, string reason)
    {
        connections.TryRemove(new KeyValuePair<IPEndPoint, TcpConnection>(connection.Remote, connection));
        logger.LogDebug("TCP connection with {Remote} closed: {Reason}", connection.Remote, reason);
        ConnectionClosed?.Invoke(connection.Remote);
    }

    private TcpConnection Connect(IPEndPoint destination)
    {
        var socket = new Socket(destination.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var connection = new TcpConnection(socket, destination, this, options, time);
        var current = connections.GetOrAdd(destination, connection);
        if (current != connection)
        {
            socket.Dispose();
            return current;
        }

        connection.Start(connect: true);
        return connection;
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await listener.AcceptAsync(stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException
                || (exception is SocketException && stopping.IsCancellationRequested))
            {
                return;
            }
            catch (SocketException exception)
            {
                logger.LogWarning("TCP accept failed: {Error}", exception.SocketErrorCode);
                continue;
            }

            Admit(accepted);
        }
    }

    private void Admit(Socket accepted)
    {
        var remote = (IPEndPoint)accepted.RemoteEndPoint!;
        if (connections.Count >= options.MaxConnections)
        {
            // Counted, and logged only for the first refusal of a run so a connection flood cannot flood the log.
            if (Interlocked.Increment(ref refusedConnections) == 1)
            {
                logger.LogWarning("Refused a TCP connection from {Remote}: {Max} connections are open", remote, options.MaxConnections);
            }

            accepted.Dispose();
            return;
        }

        accepted.NoDelay = true;
        var connection = new TcpConnection(accepted, remote, this, options, time);
        if (connections.TryRemove(remote, out var stale))
        {
            stale.Close("replaced by a new connection from the same address");
        }

        connections[remote] = connection;
        logger.LogDebug("TCP connection from {Remote} accepted", remote);
        connection.Start(connect: false);
    }

    /// <summary>THREAD: the idle sweep's timer.</summary>
    private void CloseIdle()
    {
        var now = time.GetUtcNow();
        foreach (var connection in connections.Values)
        {
            if (now - connection.LastActivity >= options.IdleTimeout)
            {
                connection.Close("idle");
            }
        }
    }
}
