using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DeskPhone.Sip.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DeskPhone.Sip.Tests.Transport;

/// <summary>
/// The TCP transport on real loopback sockets: connection reuse, responses on the request's
/// connection, stream framing with the bytes split anyhow, keep-alive pings and pongs, idle
/// closing on a fake clock, and the defects that close a connection. Waits are for events, bounded
/// only so a broken build fails instead of hanging.
/// </summary>
public sealed class TcpSipTransportTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly TcpTransportOptions Limits = new() { IdleTimeout = TimeSpan.FromSeconds(60), MaxConnections = 4 };

    private readonly FakeTimeProvider clock = new();
    private readonly TcpSipTransport transport;
    private readonly ConcurrentQueue<(string Text, IPEndPoint Source)> received = new();
    private readonly SemaphoreSlim arrivals = new(0);
    private readonly SemaphoreSlim closures = new(0);
    private readonly SemaphoreSlim pongs = new(0);
    private readonly ConcurrentQueue<SendFailure> failures = new();
    private readonly SemaphoreSlim unsent = new(0);

    public TcpSipTransportTests()
    {
        transport = new TcpSipTransport(new IPEndPoint(IPAddress.Loopback, 0), Limits, clock, NullLogger<TcpSipTransport>.Instance);
        transport.MessageReceived += (bytes, source) =>
        {
            received.Enqueue((Encoding.ASCII.GetString(bytes.Span), source));
            arrivals.Release();
        };
        transport.ConnectionClosed += _ => closures.Release();
        transport.PongReceived += _ => pongs.Release();
        transport.SendFailed += failure =>
        {
            failures.Enqueue(failure);
            unsent.Release();
        };
        transport.Start();
    }

    public void Dispose() => transport.Dispose();

    [Fact]
    public async Task Send_TwoRequestsToOnePeer_OpenOneConnectionAndKeepTheOrder()
    {
        using var peer = Listen();

        transport.Send(Encoding.ASCII.GetBytes(Options("a")), Endpoint(peer));
        transport.Send(Encoding.ASCII.GetBytes(Options("b")), Endpoint(peer));

        using var accepted = await peer.AcceptSocketAsync().WaitAsync(Patience);
        var text = await ReadAsync(accepted, Options("a").Length + Options("b").Length);
        Assert.Equal(Options("a") + Options("b"), text);
        Assert.False(peer.Pending());
        Assert.Equal(1, transport.ConnectionCount);
    }

    [Fact]
    public async Task Receive_MessageSplitByteByByteAndTwoInOneWrite_AreDeliveredWholeWithTheirSource()
    {
        using var client = await ConnectAsync();
        var first = Encoding.ASCII.GetBytes(Options("one"));
        foreach (var octet in first)
        {
            await client.SendAsync(new[] { octet });
        }

        await client.SendAsync(Encoding.ASCII.GetBytes(Options("two") + Options("three")));

        var messages = await NextAsync(3);
        Assert.Equal([Options("one"), Options("two"), Options("three")], messages.Select(m => m.Text));
        Assert.All(messages, m => Assert.Equal(client.LocalEndPoint, m.Source));
    }

    [Fact]
    public async Task Send_ToTheSourceOfARequest_GoesBackOnTheConnectionItCameOn()
    {
        using var client = await ConnectAsync();
        await client.SendAsync(Encoding.ASCII.GetBytes(Options("q")));
        var (_, source) = Assert.Single(await NextAsync(1));

        transport.Send(Encoding.ASCII.GetBytes(Options("answer")), source);

        Assert.Equal(Options("answer"), await ReadAsync(client, Options("answer").Length));
        Assert.Equal(1, transport.ConnectionCount);
    }

    [Fact]
    public async Task Receive_MessageWithoutContentLength_ClosesTheConnection()
    {
        using var client = await ConnectAsync();

        await client.SendAsync(Encoding.ASCII.GetBytes("OPTIONS sip:101@127.0.0.1 SIP/2.0\r\nCall-ID: x\r\n\r\n"));

        Assert.Equal(0, await client.ReceiveAsync(new byte[16]).WaitAsync(Patience));
        Assert.True(await closures.WaitAsync(Patience));
        Assert.True(received.IsEmpty);
        Assert.Equal(0, transport.ConnectionCount);
    }

    [Fact]
    public async Task Receive_Ping_IsAnsweredWithAPongAndNothingIsDelivered()
    {
        using var client = await ConnectAsync();

        await client.SendAsync("\r\n\r\n"u8.ToArray());

        Assert.Equal("\r\n", await ReadAsync(client, 2));
        await client.SendAsync(Encoding.ASCII.GetBytes(Options("after")));
        Assert.Equal(Options("after"), Assert.Single(await NextAsync(1)).Text);
    }

    [Fact]
    public async Task TrySendPing_OnAnOpenConnection_SendsDoubleCrlf_AndThePongIsReported()
    {
        using var peer = Listen();
        Assert.False(transport.TrySendPing(Endpoint(peer)));
        transport.Send(Encoding.ASCII.GetBytes(Options("open")), Endpoint(peer));
        using var accepted = await peer.AcceptSocketAsync().WaitAsync(Patience);
        await ReadAsync(accepted, Options("open").Length);

        Assert.True(transport.TrySendPing(Endpoint(peer)));
        Assert.Equal("\r\n\r\n", await ReadAsync(accepted, 4));
        await accepted.SendAsync("\r\n"u8.ToArray());

        Assert.True(await pongs.WaitAsync(Patience));
    }

    [Fact]
    public async Task IdleConnection_IsClosedAfterTheIdleTimeout_AndTheNextSendReconnects()
    {
        using var peer = Listen();
        transport.Send(Encoding.ASCII.GetBytes(Options("1")), Endpoint(peer));
        using var first = await peer.AcceptSocketAsync().WaitAsync(Patience);
        await ReadAsync(first, Options("1").Length);

        clock.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(1, transport.ConnectionCount);
        clock.Advance(TimeSpan.FromSeconds(30));

        Assert.True(await closures.WaitAsync(Patience));
        Assert.Equal(0, await first.ReceiveAsync(new byte[16]).WaitAsync(Patience));
        transport.Send(Encoding.ASCII.GetBytes(Options("2")), Endpoint(peer));
        using var second = await peer.AcceptSocketAsync().WaitAsync(Patience);
        Assert.Equal(Options("2"), await ReadAsync(second, Options("2").Length));
    }

    [Fact]
    public async Task Send_ToAPortNobodyListensOn_ReportsTheMessageUnsentAndTheConnectionClosed()
    {
        var nobody = Endpoint(Listen(start: false));

        transport.Send(Encoding.ASCII.GetBytes(Options("lost")), nobody);

        var failure = Assert.Single(await UnsentAsync(1));
        Assert.Equal((nobody, Options("lost"), nameof(SocketError.ConnectionRefused)), (failure.Destination, Encoding.ASCII.GetString(failure.Message.Span), failure.Reason));
        Assert.True(await closures.WaitAsync(Patience));
        Assert.Equal(0, transport.ConnectionCount);
    }

    [Fact]
    public async Task Send_ConnectTimesOut_ReportsEveryQueuedMessageUnsentInOrder_ButNotThePing()
    {
        // A listener whose accept queue (backlog 0: one connection) is full lets the next SYN go
        // unanswered, so our connect hangs until the fake clock reaches the connect timeout.
        using var full = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        full.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        full.Listen(0);
        using var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await filler.ConnectAsync(full.LocalEndPoint!).WaitAsync(Patience);
        var hanging = (IPEndPoint)full.LocalEndPoint!;

        transport.Send(Encoding.ASCII.GetBytes(Options("1")), hanging);
        Assert.True(transport.TrySendPing(hanging));
        transport.Send(Encoding.ASCII.GetBytes(Options("2")), hanging);
        Assert.Empty(failures);
        clock.Advance(Limits.ConnectTimeout);

        var reported = await UnsentAsync(2);
        Assert.Equal([Options("1"), Options("2")], reported.Select(f => Encoding.ASCII.GetString(f.Message.Span)));
        Assert.All(reported, f => Assert.Equal((hanging, "connect timed out"), (f.Destination, f.Reason)));
        Assert.True(await closures.WaitAsync(Patience));
    }

    [Fact]
    public async Task Accept_BeyondMaxConnections_RefusesTheNewOnes()
    {
        var clients = new List<Socket>();
        for (var i = 0; i < Limits.MaxConnections; i++)
        {
            clients.Add(await ConnectAsync());
            await clients[^1].SendAsync(Encoding.ASCII.GetBytes(Options("c" + i)));
        }

        await NextAsync(Limits.MaxConnections);
        using var extra = await ConnectAsync();

        Assert.Equal(0, await extra.ReceiveAsync(new byte[16]).WaitAsync(Patience));
        Assert.Equal(1, transport.RefusedConnections);
        Assert.Equal(Limits.MaxConnections, transport.ConnectionCount);
        clients.ForEach(c => c.Dispose());
    }

    private static string Options(string callId) =>
        $"OPTIONS sip:101@127.0.0.1 SIP/2.0\r\nCall-ID: {callId}\r\nContent-Length: {callId.Length}\r\n\r\n{callId}";

    private static TcpListener Listen(bool start = true)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        if (!start)
        {
            listener.Stop();
        }

        return listener;
    }

    private static IPEndPoint Endpoint(TcpListener listener) => (IPEndPoint)listener.LocalEndpoint;

    private async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(transport.LocalEndPoint).WaitAsync(Patience);
        return socket;
    }

    private static async Task<string> ReadAsync(Socket socket, int length)
    {
        var buffer = new byte[length];
        for (var at = 0; at < length;)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(at)).AsTask().WaitAsync(Patience);
            Assert.NotEqual(0, read);
            at += read;
        }

        return Encoding.ASCII.GetString(buffer);
    }

    private async Task<List<SendFailure>> UnsentAsync(int count)
    {
        var reported = new List<SendFailure>();
        for (var i = 0; i < count; i++)
        {
            Assert.True(await unsent.WaitAsync(Patience), $"only {i} of {count} messages were reported unsent");
            Assert.True(failures.TryDequeue(out var failure));
            reported.Add(failure);
        }

        return reported;
    }

    private async Task<List<(string Text, IPEndPoint Source)>> NextAsync(int count)
    {
        var messages = new List<(string, IPEndPoint)>();
        for (var i = 0; i < count; i++)
        {
            Assert.True(await arrivals.WaitAsync(Patience), $"only {i} of {count} messages arrived");
            Assert.True(received.TryDequeue(out var message));
            messages.Add(message);
        }

        return messages;
    }
}
