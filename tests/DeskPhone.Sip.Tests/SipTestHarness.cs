using System.Net;
using System.Text;
using DeskPhone.Sip.Agent;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Threading;
using DeskPhone.Sip.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DeskPhone.Sip.Tests;

/// <summary>A user agent on a fake clock whose transport records what it sends instead of using a socket.</summary>
internal sealed class SipTestHarness : IDisposable
{
    public static readonly IPEndPoint Pbx = new(IPAddress.Loopback, 5060);

    /// <param name="configure">Changes the account options (registrar by name, outbound proxy…).</param>
    /// <param name="resolver">Locates servers given by name; the real DNS resolver when null (never asked for an IP literal).</param>
    public SipTestHarness(
        string password = "pw101",
        RecordingTransport? transport = null,
        bool trustedSourcesOnly = true,
        ILoggerFactory? loggers = null,
        Func<SipAgentOptions, SipAgentOptions>? configure = null,
        IServerResolver? resolver = null)
    {
        Transport = transport ?? new RecordingTransport();
        Loop = new SignallingLoop(Clock, NullLogger<SignallingLoop>.Instance);
        var options = new SipAgentOptions { User = "101", Password = password, Domain = "deskphone.lab", Registrar = Pbx, TrustedSourcesOnly = trustedSourcesOnly };
        Agent = new SipUserAgent(
            configure?.Invoke(options) ?? options,
            Transport,
            Loop,
            SipTimers.Default,
            loggers ?? NullLoggerFactory.Instance,
            resolver ?? new DnsServerResolver([]));
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public RecordingTransport Transport { get; }

    public SignallingLoop Loop { get; }

    public SipUserAgent Agent { get; }

    public Task OnLoop(Action action) => Loop.InvokeAsync(action);

    public Task<T> OnLoop<T>(Func<T> function) => Loop.InvokeAsync(function);

    /// <summary>Feeds a datagram as if it came from the PBX and waits until the loop handled it.</summary>
    public async Task Receive(string text, IPEndPoint? from = null)
    {
        Agent.ReceiveDatagram(Encoding.UTF8.GetBytes(text), from ?? Pbx);
        await Drain();
    }

    public async Task Receive(SipMessage message, IPEndPoint? from = null)
    {
        Agent.ReceiveDatagram(message.ToBytes(), from ?? Pbx);
        await Drain();
    }

    /// <summary>Moves the fake clock, then lets the loop run the timer callbacks it posted.</summary>
    public async Task Advance(TimeSpan by)
    {
        Clock.Advance(by);
        await Drain();
    }

    public Task Drain() => Loop.InvokeAsync(() => { });

    /// <summary>Waits until the look-up under way (if any) has posted its result, then lets the loop handle it.</summary>
    public async Task Resolved()
    {
        var resolution = await OnLoop(() => Agent.Targets.Resolution);
        await resolution;
        await Drain();
    }

    public void Dispose()
    {
        Agent.Dispose();
        Loop.Dispose();
    }
}

/// <summary>Records what the agent sends; <c>reliable</c> makes it look like TCP to the transaction layer.</summary>
internal class RecordingTransport(bool reliable = false) : ISipTransport
{
    private readonly List<(SipMessage Message, IPEndPoint Destination)> sent = [];

    public IPEndPoint LocalEndPoint { get; } = new(IPAddress.Loopback, 5070);

    public string Name => reliable ? "TCP" : "UDP";

    public bool IsReliable => reliable;

    public IReadOnlyList<(SipMessage Message, IPEndPoint Destination)> Sent
    {
        get
        {
            lock (sent)
            {
                return sent.ToList();
            }
        }
    }

    public IEnumerable<SipRequest> Requests(string method) => Sent.Select(s => s.Message).OfType<SipRequest>().Where(r => r.Method == method);

    public IEnumerable<SipResponse> Responses(int code) => Sent.Select(s => s.Message).OfType<SipResponse>().Where(r => r.StatusCode == code);

    public SipRequest LastRequest(string method) => Requests(method).Last();

    public void Send(ReadOnlySpan<byte> message, IPEndPoint destination)
    {
        var parsed = SipMessageParser.Parse(message);
        Assert.True(parsed.Success, "the agent sent an unparseable message: " + parsed.Defect);
        lock (sent)
        {
            sent.Add((parsed.Message!, destination));
        }
    }
}

/// <summary>Builds what a PBX or peer would send back.</summary>
internal static class Peer
{
    public static SipResponse Reply(SipRequest request, int code, string reason, string? toTag = null, params (string Name, string Value)[] headers)
    {
        var response = ResponseFactory.Create(request, code, reason, toTag);
        foreach (var (name, value) in headers)
        {
            response.Add(name, value);
        }

        return response;
    }

    public static string Invite(string callId = "call-1@peer", string branch = "z9hG4bKpeer1", string body = "v=0\r\n") =>
        $"INVITE sip:101@127.0.0.1:5070 SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:5060;branch={branch};rport\r\n" +
        "Record-Route: <sip:127.0.0.1:5060;lr>\r\n" +
        "Max-Forwards: 69\r\n" +
        "From: \"Anna\" <sip:102@deskphone.lab>;tag=peer-tag\r\n" +
        "To: <sip:101@deskphone.lab>\r\n" +
        $"Call-ID: {callId}\r\n" +
        "CSeq: 10 INVITE\r\n" +
        "Contact: <sip:102@127.0.0.1:5080>\r\n" +
        "Content-Type: application/sdp\r\n" +
        $"Content-Length: {body.Length}\r\n\r\n{body}";
}
