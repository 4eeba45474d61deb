using System.Net;
using System.Net.Sockets;
using DeskPhone.Sip.Agent;
using DeskPhone.Sip.Dialogs;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Registration;
using DeskPhone.Sip.Tests.Agent;
using DeskPhone.Sip.Threading;
using DeskPhone.Sip.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DeskPhone.Sip.Tests.Transport;

/// <summary>
/// A request over TCP whose connection cannot be made (RFC 3261 §18.1.1) is a transport error,
/// which §8.1.3.1 treats as a 503: the transaction ends at once and RFC 3263 §4.3 failover moves
/// to the next target, with no wait for Timer B or F. The user agent runs on a real loopback TCP
/// transport and a fake clock that never moves, so anything that happens did not wait for a
/// timer. Waits are for events, bounded only so a broken build fails instead of hanging.
/// </summary>
public sealed class TcpConnectFailureTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private readonly DateTimeOffset start;
    private readonly SignallingLoop loop;
    private readonly TcpSipTransport transport;
    private readonly FakeServerResolver resolver = new();
    private SipUserAgent? agent;

    public TcpConnectFailureTests()
    {
        start = clock.GetUtcNow();
        loop = new SignallingLoop(clock, NullLogger<SignallingLoop>.Instance);
        transport = new TcpSipTransport(new IPEndPoint(IPAddress.Loopback, 0), TcpTransportOptions.Default, clock, NullLogger<TcpSipTransport>.Instance);
    }

    public void Dispose()
    {
        agent?.Dispose();
        transport.Dispose();
        loop.Dispose();
    }

    [Fact]
    public async Task Register_ToAPortNobodyListensOn_FailsWith503AtOnce()
    {
        var phone = Start(ClosedPort());

        var status = await RegistrationOutcomeAsync(phone);

        Assert.Equal((RegistrationPhase.Failed, 503), (status.Phase, status.StatusCode));
        Assert.Equal(start, clock.GetUtcNow());
        Assert.Equal(0, await loop.InvokeAsync(() => phone.Transactions.Count));
    }

    [Fact]
    public async Task Register_FirstTargetRefuses_RegistersWithTheSecondAtOnce()
    {
        var refusing = ClosedPort();
        using var registrar = new TcpListener(IPAddress.Loopback, 0);
        registrar.Start();
        var answering = (IPEndPoint)registrar.LocalEndpoint;
        resolver.Answer("pbx.deskphone.lab", TimeSpan.FromHours(1), refusing, answering);
        Assert.True(ServerAddress.TryParse("pbx.deskphone.lab", out var byName, out _));
        var phone = Start(byName);

        var answered = AnswerRegisterAsync(registrar);
        var status = await RegistrationOutcomeAsync(phone);
        await answered;

        Assert.Equal(RegistrationPhase.Registered, status.Phase);
        Assert.Equal(answering, await loop.InvokeAsync(() => phone.NextHop));
        Assert.Equal(start, clock.GetUtcNow());
    }

    [Fact]
    public async Task Invite_ToAPortNobodyListensOn_EndsTheCallWith503AtOnce()
    {
        var phone = Start(ClosedPort());
        var ended = new TaskCompletionSource<SipCall>(TaskCreationOptions.RunContinuationsAsynchronously);

        await loop.InvokeAsync(() =>
        {
            var call = phone.Dial("200", "v=0\r\n"u8.ToArray());
            call.StateChanged += changed =>
            {
                if (changed.State == CallState.Ended)
                {
                    ended.TrySetResult(changed);
                }
            };
        });
        var call = await ended.Task.WaitAsync(Patience);

        Assert.Equal(503, await loop.InvokeAsync(() => call.StatusCode));
        Assert.Equal(start, clock.GetUtcNow());
    }

    /// <summary>A loopback port that was just free: connecting to it is refused.</summary>
    private static IPEndPoint ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = (IPEndPoint)listener.LocalEndpoint;
        listener.Stop();
        return port;
    }

    /// <summary>Accepts one connection, reads one REGISTER from it and answers 200 with the binding.</summary>
    private static async Task AnswerRegisterAsync(TcpListener registrar)
    {
        using var connection = await registrar.AcceptSocketAsync().WaitAsync(Patience);
        var buffer = new byte[SipLimits.MaxMessageBytes];
        var length = 0;
        while (SipStreamFramer.Read(buffer.AsSpan(0, length)).Kind == StreamFrameKind.NeedMore)
        {
            var read = await connection.ReceiveAsync(buffer.AsMemory(length)).AsTask().WaitAsync(Patience);
            Assert.NotEqual(0, read);
            length += read;
        }

        var register = (SipRequest)SipMessageParser.Parse(buffer.AsSpan(0, length)).Message!;
        var ok = Peer.Reply(register, 200, "OK", "r", (HeaderNames.Contact, register.Get(HeaderNames.Contact)!), (HeaderNames.Expires, "3600"));
        await connection.SendAsync(ok.ToBytes()).WaitAsync(Patience);
    }

    private SipUserAgent Start(ServerAddress registrar)
    {
        var options = new SipAgentOptions { User = "101", Password = "pw101", Domain = "deskphone.lab", Registrar = registrar };
        var phone = new SipUserAgent(options, transport, loop, SipTimers.Default, NullLoggerFactory.Instance, resolver);
        transport.MessageReceived += (message, source) => phone.ReceiveDatagram(message.Span, source);
        transport.Start();
        agent = phone;
        return phone;
    }

    /// <summary>Starts registering and waits for the first outcome: registered, or failed.</summary>
    private async Task<RegistrationStatus> RegistrationOutcomeAsync(SipUserAgent phone)
    {
        var outcome = new TaskCompletionSource<RegistrationStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        await loop.InvokeAsync(() =>
        {
            phone.Registration.Changed += status =>
            {
                if (status.Phase is RegistrationPhase.Registered or RegistrationPhase.Failed)
                {
                    outcome.TrySetResult(status);
                }
            };
            phone.Registration.Start();
        });
        return await outcome.Task.WaitAsync(Patience);
    }
}
