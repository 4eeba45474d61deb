using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DeskPhone.Sip.Agent;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Registration;
using DeskPhone.Sip.Threading;
using DeskPhone.Sip.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace DeskPhone.Sip.Tests.Agent;

/// <summary>
/// A registered phone on a real UDP socket takes 10,000 OPTIONS from a scanner on 127.0.0.2: every
/// one is dropped unanswered, memory stays flat, and the registrar's OPTIONS is still answered.
/// </summary>
public sealed class UntrustedFloodTests(ITestOutputHelper output) : IDisposable
{
    private const int FloodSize = 10_000;
    private const int Batch = 100;
    private const int WarmUp = 2_000;
    // Generous: the runtime's own heap moves by up to ~2 MB between runs (seen on this machine with
    // an idle phone), while keeping even the parsed copy of each dropped OPTIONS (~1 KB with its
    // header table) or a transaction per request would grow it by 10 MB or more.
    private const long MemoryBound = 4 * 1024 * 1024;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Socket registrar = Bind(IPAddress.Loopback);
    private readonly Socket scanner = Bind(IPAddress.Parse("127.0.0.2"));
    private readonly FakeTimeProvider clock = new();
    private SignallingLoop? loop;
    private UdpSipTransport? transport;
    private SipUserAgent? agent;

    public void Dispose()
    {
        agent?.Dispose();
        transport?.Dispose();
        loop?.Dispose();
        registrar.Dispose();
        scanner.Dispose();
    }

    [Fact]
    public async Task Flood_OfOptionsFromAnUntrustedSource_IsDroppedWithFlatMemory_AndTheRegistrarIsStillAnswered()
    {
        loop = new SignallingLoop(clock, NullLogger<SignallingLoop>.Instance);
        transport = new UdpSipTransport(new IPEndPoint(IPAddress.Loopback, 0), NullLogger<UdpSipTransport>.Instance);
        agent = new SipUserAgent(
            new SipAgentOptions { User = "101", Password = "pw101", Domain = "127.0.0.1", Registrar = (IPEndPoint)registrar.LocalEndPoint! },
            transport,
            loop,
            SipTimers.Default,
            NullLoggerFactory.Instance);
        transport.MessageReceived += (message, source) => agent.ReceiveDatagram(message.Span, source);
        transport.Start();
        await RegisterAsync();

        // Warm up (JIT and its tiering, pools, the policy's one log entry) before measuring.
        await FloodAsync(0, WarmUp);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        await FloodAsync(WarmUp, WarmUp + FloodSize);
        watch.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"{FloodSize} OPTIONS dropped in {watch.Elapsed.TotalMilliseconds:0} ms; managed heap {before} -> {after} bytes");

        var answer = await ExchangeAsync(registrar, Options("from-registrar", (IPEndPoint)registrar.LocalEndPoint!));
        Assert.Equal(200, answer.StatusCode);
        // Dropped by the policy, or before parsing when the loop had too many waiting: never answered.
        Assert.Equal(WarmUp + FloodSize, await loop.InvokeAsync(() => agent.UntrustedDropped + agent.OverloadDropped));
        Assert.Equal(0, scanner.Available);
        Assert.True(after - before < MemoryBound, $"the heap grew by {after - before} bytes over the flood");
    }

    private async Task RegisterAsync()
    {
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await loop!.InvokeAsync(() =>
        {
            agent!.Registration.Changed += status =>
            {
                if (status.Phase == RegistrationPhase.Registered)
                {
                    registered.TrySetResult();
                }
            };
            agent.Registration.Start();
        });
        var register = (SipRequest)await ReceiveAsync(registrar);
        var ok = Peer.Reply(register, 200, "OK", "reg", (HeaderNames.Expires, "3600"));
        await registrar.SendToAsync(ok.ToBytes(), transport!.LocalEndPoint);
        await registered.Task.WaitAsync(Patience);
    }

    /// <summary>Sends OPTIONS number <paramref name="from"/> to <paramref name="to"/> in batches, each time waiting until the phone has dropped them all.</summary>
    private async Task FloodAsync(int from, int to)
    {
        var source = (IPEndPoint)scanner.LocalEndPoint!;
        for (var batchStart = from; batchStart < to; batchStart += Batch)
        {
            for (var i = batchStart; i < batchStart + Batch; i++)
            {
                await scanner.SendToAsync(Options("scan-" + i, source), transport!.LocalEndPoint);
            }

            // Each look at the counter is a round trip through the loop: no timers to add to the heap.
            var expected = batchStart + Batch;
            using var deadline = new CancellationTokenSource(Patience);
            while (await loop!.InvokeAsync(() => agent!.UntrustedDropped + agent.OverloadDropped) < expected)
            {
                deadline.Token.ThrowIfCancellationRequested();
            }
        }
    }

    private async Task<SipResponse> ExchangeAsync(Socket socket, byte[] request)
    {
        await socket.SendToAsync(request, transport!.LocalEndPoint);
        return (SipResponse)await ReceiveAsync(socket);
    }

    private static async Task<SipMessage> ReceiveAsync(Socket socket)
    {
        var buffer = new byte[SipLimits.MaxMessageBytes];
        var length = await socket.ReceiveAsync(buffer.AsMemory()).AsTask().WaitAsync(Patience);
        var parsed = SipMessageParser.Parse(buffer.AsSpan(0, length));
        Assert.True(parsed.Success, parsed.Defect);
        return parsed.Message!;
    }

    private static byte[] Options(string callId, IPEndPoint from) => Encoding.ASCII.GetBytes(
        $"OPTIONS sip:101@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP {from};branch=z9hG4bK{callId};rport\r\n" +
        $"From: <sip:scan@{from.Address}>;tag=f\r\nTo: <sip:101@127.0.0.1>\r\nCall-ID: {callId}\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");

    private static Socket Bind(IPAddress address)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(address, 0));
        return socket;
    }
}
