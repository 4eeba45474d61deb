using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Transport;

/// <summary>
/// One TCP connection of <see cref="TcpSipTransport"/>, opened by us or accepted. A receive task
/// frames the stream (<see cref="SipStreamFramer"/>) and answers pings; a send task drains a
/// bounded queue, so the signalling loop never waits for the network. Whatever ends it (the peer,
/// a reset, a framing error, the idle sweep, the transport) closes it once and reports it.
/// </summary>
internal sealed class TcpConnection
{
    private const int InitialBufferBytes = 4_096;

    private static readonly byte[] PongBytes = "\r\n"u8.ToArray();

    private readonly Socket socket;
    private readonly TcpSipTransport owner;
    private readonly TcpTransportOptions options;
    private readonly TimeProvider time;
    private readonly Channel<byte[]> outgoing;
    private readonly CancellationTokenSource stop = new();
    private long lastActivityTicks;
    private int closed;
    private string? closeReason;

    public TcpConnection(Socket socket, IPEndPoint remote, TcpSipTransport owner, TcpTransportOptions options, TimeProvider time)
    {
        this.socket = socket;
        this.owner = owner;
        this.options = options;
        this.time = time;
        Remote = remote;
        outgoing = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(options.MaxQueuedMessages)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.DropWrite,
        });
        Touch();
    }

    public IPEndPoint Remote { get; }

    /// <summary>Why the connection closed; null while it is open.</summary>
    public string? CloseReason => Volatile.Read(ref closeReason);

    /// <summary>When bytes last went either way (or the connection was made).</summary>
    public DateTimeOffset LastActivity => new(Interlocked.Read(ref lastActivityTicks), TimeSpan.Zero);

    /// <summary>Starts the connection's tasks; <paramref name="connect"/> for one we open. THREAD: any.</summary>
    public void Start(bool connect) => _ = RunAsync(connect);

    /// <summary>Queues bytes to send; false when the connection is closed or its queue is full. THREAD: any.</summary>
    public bool Enqueue(byte[] bytes) => outgoing.Writer.TryWrite(bytes);

    /// <summary>
    /// Closes the socket and reports the end once. Messages still queued are reported unsent by
    /// the queue's reader. THREAD: any.
    /// </summary>
    public void Close(string reason)
    {
        if (Interlocked.Exchange(ref closed, 1) == 1)
        {
            return;
        }

        Volatile.Write(ref closeReason, reason);
        outgoing.Writer.TryComplete();
        stop.Cancel();
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Never connected, or already reset: nothing to shut down.
        }

        socket.Dispose();
        owner.OnClosed(this, reason);
    }

    private async Task RunAsync(bool connect)
    {
        string reason;
        var sending = false;
        try
        {
            if (connect)
            {
                using var timeout = new CancellationTokenSource(options.ConnectTimeout, time);
                using var either = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, timeout.Token);
                await socket.ConnectAsync(Remote, either.Token);
                Touch();
                owner.OnConnected(this);
            }

            sending = true;
            _ = SendAsync();
            reason = await ReceiveAsync();
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            reason = "connect timed out";
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            reason = exception is SocketException socketError ? socketError.SocketErrorCode.ToString() : "closed";
        }

        Close(reason);
        if (!sending)
        {
            // It never connected: the send task never ran, and whatever was queued for it is lost.
            ReportUnsent(writing: null);
        }
    }

    private async Task SendAsync()
    {
        byte[]? writing = null;
        try
        {
            await foreach (var bytes in outgoing.Reader.ReadAllAsync(stop.Token))
            {
                writing = bytes;
                for (var sent = 0; sent < bytes.Length;)
                {
                    sent += await socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None, stop.Token);
                }

                writing = null;
                Touch();
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            Close(exception is SocketException socketError ? "send failed: " + socketError.SocketErrorCode : "closed");
        }

        ReportUnsent(writing);
    }

    /// <summary>
    /// After the close: reports the message that was being written (a peer that got part of it
    /// cannot use it) and every one still queued. Only the queue's single reader calls this: the
    /// send task, or the connection's task when it never connected.
    /// </summary>
    private void ReportUnsent(byte[]? writing)
    {
        var reason = CloseReason ?? "closed";
        if (writing is not null)
        {
            owner.OnUnsent(Remote, writing, reason);
        }

        while (outgoing.Reader.TryRead(out var queued))
        {
            owner.OnUnsent(Remote, queued, reason);
        }
    }

    /// <summary>Reads and frames until the stream ends or breaks; returns why.</summary>
    private async Task<string> ReceiveAsync()
    {
        var buffer = new byte[InitialBufferBytes];
        int start = 0, end = 0;
        while (true)
        {
            if (end == buffer.Length && !MakeRoom(ref buffer, ref start, ref end))
            {
                return "message too large";
            }

            var read = await socket.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None, stop.Token);
            if (read == 0)
            {
                return "closed by peer";
            }

            end += read;
            Touch();
            while (true)
            {
                var frame = SipStreamFramer.Read(buffer.AsSpan(start, end - start));
                switch (frame.Kind)
                {
                    case StreamFrameKind.NeedMore:
                        break;
                    case StreamFrameKind.Message:
                        owner.OnMessage(this, buffer.AsMemory(start, frame.Length));
                        break;
                    case StreamFrameKind.Ping:
                        // RFC 5626 §4.4.1: a double-CRLF ping is answered with a single CRLF.
                        Enqueue(PongBytes);
                        break;
                    case StreamFrameKind.Pong:
                        owner.OnPong(this);
                        break;
                    default:
                        return frame.Defect!;
                }

                if (frame.Kind == StreamFrameKind.NeedMore)
                {
                    break;
                }

                start += frame.Length;
            }

            if (start == end)
            {
                start = end = 0;
            }
        }
    }

    /// <summary>
    /// Moves the unread bytes to the front, or grows the buffer up to the largest message; false
    /// when it is full of one unfinished frame already that large (the framer refuses it first).
    /// </summary>
    private static bool MakeRoom(ref byte[] buffer, ref int start, ref int end)
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
            return true;
        }

        if (buffer.Length >= SipLimits.MaxMessageBytes)
        {
            return false;
        }

        Array.Resize(ref buffer, Math.Min(buffer.Length * 2, SipLimits.MaxMessageBytes));
        return true;
    }

    private void Touch() => Interlocked.Exchange(ref lastActivityTicks, time.GetUtcNow().UtcTicks);
}
