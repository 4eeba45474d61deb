using System.Collections.Concurrent;
using System.Net;
using DeskPhone.Hal.Scheduling;
using DeskPhone.Media.Codecs;
using DeskPhone.Media.Rtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeskPhone.Media.Tests;

/// <summary>
/// The "RTP receive" thread asks for SCHED_FIFO (RtpStreamOptions.ReceiveRealtimePriority) on
/// itself, before its first datagram, and keeps receiving at normal priority when refused.
/// </summary>
public sealed class RtpReceivePriorityTests
{
    private static readonly RtpStreamOptions AtPriority49 = StreamPair.Loopback with { ReceiveRealtimePriority = 49 };

    private static readonly RealtimeRequest Refused =
        new(false, RealtimeRequest.NotPermittedError, "Operation not permitted: needs CAP_SYS_NICE or an RLIMIT_RTPRIO (LimitRTPRIO=) of at least 49");

    private static RtpStream Open(RtpStreamOptions options, ReceiveThreadPriority priority, ILogger logger, RawRtpPeer peer, byte? telephoneEvent = null)
    {
        Assert.True(RtpStream.TryOpen(options, StreamPair.Format, TimeProvider.System, logger, priority, out RtpStream? stream));
        stream.Start(new MediaNegotiation(peer.EndPoint, AudioCodec.Pcmu, 0, telephoneEvent, MediaDirection.SendRecv));
        return stream;
    }

    /// <summary>Sends <paramref name="packets"/> audio packets from the peer and waits until the stream counted them.</summary>
    private static void Receive(RtpStream stream, RawRtpPeer peer, int packets)
    {
        for (ushort sequence = 1; sequence <= packets; sequence++)
        {
            peer.SendTo(stream, RawRtpPeer.Packet(new RtpHeader(false, 0, sequence, sequence * 160u, 0x5EED), new byte[160]));
        }

        StreamPair.WaitForReceived(stream, packets);
    }

    [Fact]
    public void ReceiveThread_WithAPriority_AsksForItOnItselfBeforeReceiving()
    {
        var scheduler = new SchedulerStandIn(_ => new RealtimeRequest(true, 0, string.Empty));
        var log = new LogRecorder();
        using var peer = new RawRtpPeer();
        using RtpStream stream = Open(AtPriority49, new ReceiveThreadPriority(scheduler.UseFifo), log, peer);

        Receive(stream, peer, 3);

        Assert.Equal([("RTP receive", 49)], scheduler.Requests);
        Assert.Empty(log.Warnings);
    }

    [Fact]
    public void ReceiveThread_WhenRefused_WarnsOnceForAllStreamsAndReceivesAtNormalPriority()
    {
        var scheduler = new SchedulerStandIn(_ => Refused);
        var priority = new ReceiveThreadPriority(scheduler.UseFifo);
        var log = new LogRecorder();
        using var peer = new RawRtpPeer();
        using RtpStream first = Open(AtPriority49, priority, log, peer);
        using RtpStream second = Open(AtPriority49, priority, log, peer);

        Receive(first, peer, 5);
        Receive(second, peer, 5);

        // Every call's thread asks (a capability may be granted later), but only the first
        // refusal is a warning; it names the setting and the kernel's reason.
        Assert.Equal([("RTP receive", 49), ("RTP receive", 49)], scheduler.Requests);
        string warning = Assert.Single(log.Warnings);
        Assert.Contains("Rtp:ReceiveRealtimePriority", warning, StringComparison.Ordinal);
        Assert.Contains("SCHED_FIFO 49 refused: Operation not permitted", warning, StringComparison.Ordinal);
        Assert.Equal((5, 5), (first.PacketsReceived, second.PacketsReceived));
    }

    [Fact]
    public void ReceiveThread_WithPriorityZero_NeverAsks()
    {
        var scheduler = new SchedulerStandIn(_ => Refused);
        var log = new LogRecorder();
        using var peer = new RawRtpPeer();
        using RtpStream stream = Open(StreamPair.Loopback, new ReceiveThreadPriority(scheduler.UseFifo), log, peer);

        Receive(stream, peer, 3);

        Assert.Empty(scheduler.Requests);
        Assert.Empty(log.Warnings);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100)]
    public void TryOpen_PriorityOutside0To99_IsRejectedNamingTheOption(int priority)
    {
        var options = StreamPair.Loopback with { ReceiveRealtimePriority = priority };

        var error = Assert.Throws<ArgumentException>(() => RtpStream.TryOpen(options, StreamPair.Format, TimeProvider.System, NullLogger.Instance, out _));

        Assert.Contains($"ReceiveRealtimePriority must be 0 (off) or 1-99, is {priority}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReceiveThread_OnTheKernel_RunsUnderFifoWhenThisProcessMayElseAtNormalPriority()
    {
        // Whether this process may use SCHED_FIFO, asked on a throw-away thread.
        bool permitted = false;
        var probe = new Thread(() => permitted = RealtimeScheduling.TryUseFifo(20).Granted);
        probe.Start();
        probe.Join();
        using var peer = new RawRtpPeer();
        Assert.True(RtpStream.TryOpen(StreamPair.Loopback with { ReceiveRealtimePriority = 20 }, StreamPair.Format, TimeProvider.System, NullLogger.Instance, out RtpStream? stream));
        using RtpStream _ = stream;
        stream.Start(new MediaNegotiation(peer.EndPoint, AudioCodec.Pcmu, 0, StreamPair.TelephoneEvent, MediaDirection.SendRecv));

        // DigitReceived is raised on the receive thread: the handler reads that thread's policy.
        var seen = new ConcurrentQueue<(SchedulingPolicy Policy, int Priority)>();
        stream.DigitReceived += _ => seen.Enqueue(RealtimeScheduling.Current());
        peer.SendTo(stream, RawRtpPeer.Packet(new RtpHeader(true, StreamPair.TelephoneEvent, 1, 8000, 0x5EED), [1, 0x8A, 0x03, 0xC0]));
        peer.SendTo(stream, RawRtpPeer.Packet(new RtpHeader(false, 0, 2, 8160, 0x5EED), new byte[160]));
        StreamPair.WaitForReceived(stream, 1);

        Assert.Equal([permitted ? (SchedulingPolicy.Fifo, 20) : (SchedulingPolicy.Other, 0)], seen);
    }

    /// <summary>Stands in for sched_setscheduler(2); called on the receive threads.</summary>
    private sealed class SchedulerStandIn(Func<int, RealtimeRequest> answer)
    {
        private readonly ConcurrentQueue<(string?, int)> _requests = new();

        public IReadOnlyCollection<(string? Thread, int Priority)> Requests => _requests;

        public RealtimeRequest UseFifo(int priority)
        {
            _requests.Enqueue((Thread.CurrentThread.Name, priority));
            return answer(priority);
        }
    }

    /// <summary>Keeps the warnings; called on the receive threads.</summary>
    private sealed class LogRecorder : ILogger
    {
        private readonly ConcurrentQueue<string> _warnings = new();

        public IReadOnlyCollection<string> Warnings => _warnings;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                _warnings.Enqueue(formatter(state, exception));
            }
        }
    }
}
