using System.Net;
using System.Text;
using DeskPhone.Sip.Agent;
using DeskPhone.Sip.Threading;
using DeskPhone.Sip.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DeskPhone.Sip.Tests.Conformance;

/// <summary>
/// A user agent on a fake clock that records the raw bytes it sends: answers to malformed
/// requests may lack headers a well-formed message needs, so they are checked as text.
/// </summary>
internal sealed class AnsweringAgent : IDisposable
{
    public static readonly IPEndPoint Peer = new(IPAddress.Loopback, 5062);

    private readonly RawTransport transport = new();

    public AnsweringAgent()
    {
        Loop = new SignallingLoop(Clock, NullLogger<SignallingLoop>.Instance);
        Agent = new SipUserAgent(
            new SipAgentOptions { User = "101", Password = "pw101", Domain = "deskphone.lab", Registrar = new IPEndPoint(IPAddress.Loopback, 5060) },
            transport,
            Loop,
            SipTimers.Default,
            NullLoggerFactory.Instance);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public SignallingLoop Loop { get; }

    public SipUserAgent Agent { get; }

    /// <summary>Feeds one datagram from <see cref="Peer"/> and returns the texts of what the agent sent back.</summary>
    public async Task<IReadOnlyList<string>> Exchange(byte[] datagram)
    {
        var before = transport.Count;
        Agent.ReceiveDatagram(datagram, Peer);
        await Loop.InvokeAsync(() => { });
        return transport.Since(before);
    }

    /// <summary>The status lines of what <see cref="Exchange"/> returned, e.g. "SIP/2.0 400 Bad Request - missing From".</summary>
    public async Task<IReadOnlyList<string>> StatusLines(byte[] datagram) =>
        (await Exchange(datagram)).Select(text => text[..text.IndexOf("\r\n", StringComparison.Ordinal)]).ToList();

    public Task<long> Dropped() => Loop.InvokeAsync(() => Agent.DroppedMessages);

    public void Dispose()
    {
        Agent.Dispose();
        Loop.Dispose();
    }

    private sealed class RawTransport : ISipTransport
    {
        private readonly List<string> sent = [];

        public IPEndPoint LocalEndPoint { get; } = new(IPAddress.Loopback, 5070);

        public int Count
        {
            get
            {
                lock (sent)
                {
                    return sent.Count;
                }
            }
        }

        public IReadOnlyList<string> Since(int index)
        {
            lock (sent)
            {
                return sent.Skip(index).ToList();
            }
        }

        public void Send(ReadOnlySpan<byte> message, IPEndPoint destination)
        {
            lock (sent)
            {
                sent.Add(Encoding.UTF8.GetString(message));
            }
        }
    }
}
