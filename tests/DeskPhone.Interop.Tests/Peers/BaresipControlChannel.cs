using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace DeskPhone.Interop.Tests.Peers;

/// <summary>
/// A TCP connection to baresip's ctrl_tcp module. Commands go out as netstring-framed JSON
/// <c>{"command":…,"params":…,"token":…}</c>; baresip answers each with
/// <c>{"response":true,"ok":…,"data":…,"token":…}</c> and pushes <c>{"event":true,…}</c> at any time.
/// A background reader matches responses to commands by token and hands events to a callback.
/// </summary>
internal sealed class BaresipControlChannel : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly Action<BaresipEvent> _onEvent;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<BaresipResponse>> _pending = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private int _lastToken;
    private volatile string? _closedReason;

    private BaresipControlChannel(Socket socket, Action<BaresipEvent> onEvent)
    {
        _socket = socket;
        _onEvent = onEvent;
        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>
    /// Connects to ctrl_tcp on 127.0.0.1. <paramref name="onEvent"/> is called on the channel's
    /// reader thread (a thread-pool thread), one event at a time, in the order baresip sent them.
    /// Returns null when nothing listens on the port (yet).
    /// </summary>
    public static async Task<BaresipControlChannel?> TryConnectAsync(int port, Action<BaresipEvent> onEvent, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), ct);
            return new BaresipControlChannel(socket, onEvent);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            socket.Dispose();
            return null;
        }
    }

    /// <summary>Sends a command and waits for its response; cancel <paramref name="ct"/> to stop waiting.</summary>
    public async Task<BaresipResponse> SendAsync(string command, string parameters, CancellationToken ct)
    {
        var token = "t" + Interlocked.Increment(ref _lastToken).ToString(CultureInfo.InvariantCulture);
        var reply = new TaskCompletionSource<BaresipResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[token] = reply;

        // A command sent after the reader has finished would otherwise wait for its full timeout.
        if (_closedReason is { } reason)
        {
            reply.TrySetException(new InvalidOperationException(reason));
        }

        try
        {
            await WriteAsync(command, parameters, token, ct);
            return await reply.Task.WaitAsync(ct);
        }
        finally
        {
            _pending.TryRemove(token, out _);
        }
    }

    /// <summary>Sends a command without waiting for a response (for <c>quit</c>, which may close the socket first).</summary>
    public Task PostAsync(string command, CancellationToken ct) => WriteAsync(command, string.Empty, "post", ct);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _reader;
        _stop.Dispose();
        _writeLock.Dispose();
    }

    private async Task WriteAsync(string command, string parameters, string token, CancellationToken ct)
    {
        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteString("command", command);
            writer.WriteString("params", parameters);
            writer.WriteString("token", token);
            writer.WriteEndObject();
        }

        var frame = Netstring.Encode(json.WrittenSpan);
        await _writeLock.WaitAsync(ct);
        try
        {
            await _socket.SendAsync(frame, SocketFlags.None, ct);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        var filled = 0;
        var failure = "baresip closed the control connection";
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = await _socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, _stop.Token);
                if (read == 0)
                {
                    break;
                }

                filled += read;
                var used = ConsumeFrames(buffer.AsSpan(0, filled), out var malformed);
                if (malformed)
                {
                    failure = "baresip sent something other than netstring-framed JSON on the control connection";
                    break;
                }

                buffer.AsSpan(used, filled - used).CopyTo(buffer);
                filled -= used;
            }
        }
        catch (OperationCanceledException)
        {
            failure = "the control connection was disposed";
        }
        catch (SocketException e)
        {
            failure = $"control connection failed: {e.SocketErrorCode}";
        }
        catch (ObjectDisposedException)
        {
            failure = "the control connection was disposed";
        }

        _closedReason = failure;
        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(new InvalidOperationException(failure));
        }
    }

    private int ConsumeFrames(ReadOnlySpan<byte> data, out bool malformed)
    {
        var used = 0;
        malformed = false;
        while (true)
        {
            var status = Netstring.TryRead(data[used..], out var payload, out var consumed);
            if (status == NetstringStatus.Incomplete)
            {
                return used;
            }

            if (status == NetstringStatus.Malformed || !Dispatch(payload))
            {
                malformed = true;
                return used;
            }

            used += consumed;
        }
    }

    /// <returns>False when the payload is not JSON, which leaves the stream untrustworthy.</returns>
    private bool Dispatch(ReadOnlySpan<byte> payload)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(payload);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return true;
            }

            if (IsTrue(root, "response"))
            {
                var token = root.TryGetProperty("token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                if (token is not null && _pending.TryGetValue(token, out var reply))
                {
                    var data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                    reply.TrySetResult(new BaresipResponse(IsTrue(root, "ok"), AnsiEscapes.Strip(data ?? string.Empty)));
                }
            }
            else if (IsTrue(root, "event"))
            {
                _onEvent(BaresipEvent.FromJson(root));
            }
        }

        return true;
    }

    private static bool IsTrue(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
