using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using DeskPhone.Media.Rtp;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Media.Rtcp;

/// <summary>
/// The RTCP side of one RTP stream (RFC 3550 §6) on its own socket, the RTP port + 1 (§11):
/// sends an SR (or an RR while we send nothing) with one report block about the peer's source
/// and an SDES CNAME, reads the peer's reports, and works out the round-trip time.
/// <para>
/// Report interval (§6.2, §6.3.1, simplified): a two-party voice call's RTCP bandwidth share
/// always yields less than the 5 s minimum, so the deterministic interval is 5 s (2.5 s before
/// the first report), each one randomised uniformly over [0.5, 1.5] times that to keep
/// senders apart. There is no member-count reconsideration (§6.3.3) and so no compensation
/// factor: two members never change the interval.
/// </para>
/// <para>
/// Threads: the phone-loop thread calls <see cref="Start"/>, <see cref="Stop"/> and
/// <see cref="Dispose"/>; reports are built and sent by the injected <see cref="TimeProvider"/>'s
/// timer callback; a receive thread ("RTCP receive") reads the peer's packets. They share only
/// atomic fields. None of this touches the audio thread.
/// </para>
/// </summary>
internal sealed class RtcpSession : IDisposable
{
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(5);
    private const int MaxPacketBytes = 1500;

    private readonly Socket _socket;
    private readonly uint _ssrc;
    private readonly string _cname;
    private readonly SenderStatistics _sent;
    private readonly ReceptionStatistics _received;
    private readonly JitterBuffer _jitter;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Thread _receiveThread;
    private readonly ITimer _timer;

    private volatile IPEndPoint? _remote;
    private volatile bool _running;
    private volatile bool _disposed;
    private volatile int _clockRate;
    private long _packetsAtLastReport = -1;

    // From the peer's last SR (§6.4.1 LSR/DLSR): the middle of its NTP timestamp and when it came.
    private long _peerSenderReport;
    private long _peerSenderReportArrival;

    private long _roundTripTicks = -1;
    private long _peerFractionLost = -1;
    private long _reportsSent;
    private long _reportsReceived;
    private long _badPackets;

    public RtcpSession(Socket socket, uint ssrc, SenderStatistics sent, ReceptionStatistics received, JitterBuffer jitter, TimeProvider time, ILogger logger)
    {
        _socket = socket;
        _ssrc = ssrc;
        _sent = sent;
        _received = received;
        _jitter = jitter;
        _time = time;
        _logger = logger;

        // RFC 7022 §4.2: a random CNAME per session, 96 bits in base64, reveals nothing about the user.
        _cname = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));
        _timer = time.CreateTimer(_ => SendReport(bye: false), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _receiveThread = new Thread(ReceiveLoop) { IsBackground = true, Name = "RTCP receive" };
        _receiveThread.Start();
    }

    public string Cname => _cname;

    /// <summary>The last round-trip time worked out from the peer's report (§6.4.1); null before one.</summary>
    public TimeSpan? RoundTripTime
    {
        get
        {
            long ticks = Interlocked.Read(ref _roundTripTicks);
            return ticks < 0 ? null : TimeSpan.FromTicks(ticks);
        }
    }

    /// <summary>The fraction of our packets the peer last reported lost, 0-1; null before a report.</summary>
    public double? PeerFractionLost
    {
        get
        {
            long value = Interlocked.Read(ref _peerFractionLost);
            return value < 0 ? null : value / 256.0;
        }
    }

    public long ReportsSent => Interlocked.Read(ref _reportsSent);

    public long ReportsReceived => Interlocked.Read(ref _reportsReceived);

    /// <summary>Datagrams on the RTCP port that failed the §A.2 validity checks.</summary>
    public long BadPackets => Interlocked.Read(ref _badPackets);

    /// <summary>Starts or redirects reporting. Phone-loop thread.</summary>
    /// <param name="remote">The peer's RTCP address: its RTP port + 1 (§11), as no a=rtcp is read.</param>
    /// <param name="clockRate">The RTP clock rate of the audio, for the jitter in timestamp units.</param>
    public void Start(IPEndPoint remote, int clockRate)
    {
        _clockRate = clockRate;
        _remote = remote;
        if (!_running && !_disposed)
        {
            _running = true;

            // §6.2: the first report comes after half the minimum interval.
            _timer.Change(Randomised(MinimumInterval / 2), Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Stops reporting and sends a BYE (§6.6) when reports were running. Phone-loop thread.</summary>
    public void Stop()
    {
        if (_running)
        {
            _running = false;
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            SendReport(bye: true);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        Stop();
        _disposed = true;
        _timer.Dispose();
        _socket.Dispose();
        _receiveThread.Join();
    }

    private static TimeSpan Randomised(TimeSpan interval) => interval * (0.5 + Random.Shared.NextDouble());

    /// <summary>Timer callback (and phone-loop thread for the BYE).</summary>
    private void SendReport(bool bye)
    {
        IPEndPoint? remote = _remote;
        if (remote is null || _disposed || (!bye && !_running))
        {
            return;
        }

        DateTimeOffset now = _time.GetUtcNow();
        long packets = _sent.Packets;

        // §6.4: an SR when we sent data since the previous report, else an RR. The RTP timestamp
        // is that of the last packet sent, up to one packet before the NTP instant.
        SenderInfo? sender = packets != Interlocked.Exchange(ref _packetsAtLastReport, packets) && packets > 0
            ? new SenderInfo(NtpTime.From(now), _sent.LastTimestamp, (uint)packets, (uint)_sent.Octets)
            : null;
        var packet = new byte[MaxPacketBytes];
        int length = RtcpPacket.Write(packet, _ssrc, sender, ReportBlock(), _cname, bye);
        try
        {
            _socket.SendTo(packet.AsSpan(0, length), SocketFlags.None, remote);
            Interlocked.Increment(ref _reportsSent);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            _logger.LogDebug(e, "RTCP send to {Remote} failed", remote);
        }

        if (!bye && _running)
        {
            _timer.Change(Randomised(MinimumInterval), Timeout.InfiniteTimeSpan);
        }
    }

    private ReportBlock? ReportBlock()
    {
        if (!_received.HasSource)
        {
            return null;
        }

        long lastSenderReport = Interlocked.Read(ref _peerSenderReport);
        uint delay = lastSenderReport == 0
            ? 0
            : NtpTime.Units(_time.GetElapsedTime(Interlocked.Read(ref _peerSenderReportArrival)));
        long jitter = _jitter.JitterMicroseconds * _clockRate / 1_000_000;
        return new ReportBlock(
            _received.Ssrc,
            _received.TakeFractionLost(),
            (int)Math.Clamp(_received.CumulativeLost, int.MinValue, int.MaxValue),
            _received.ExtendedHighestSequence,
            (uint)jitter,
            (uint)lastSenderReport,
            delay);
    }

    private void ReceiveLoop()
    {
        var buffer = new byte[MaxPacketBytes];
        EndPoint source = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_disposed)
        {
            int length;
            try
            {
                length = _socket.ReceiveFrom(buffer, ref source);
            }
            catch (Exception e) when (_disposed && e is SocketException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                _logger.LogDebug(e, "RTCP receive failed");
                continue;
            }

            OnPacket(buffer.AsSpan(0, length), (IPEndPoint)source);
        }
    }

    private void OnPacket(ReadOnlySpan<byte> datagram, IPEndPoint source)
    {
        if (!RtcpPacket.TryRead(datagram, _ssrc, out RtcpReport report))
        {
            Interlocked.Increment(ref _badPackets);
            return;
        }

        // Symmetric RTCP, as for RTP (RFC 7362 §4): answer where the reports come from.
        if (_remote is not null && !source.Equals(_remote))
        {
            _remote = source;
        }

        ulong now = NtpTime.From(_time.GetUtcNow());
        if (report.Sender is SenderInfo sender)
        {
            Interlocked.Exchange(ref _peerSenderReportArrival, _time.GetTimestamp());
            Interlocked.Exchange(ref _peerSenderReport, NtpTime.Middle(sender.NtpTimestamp));
        }

        if (report.AboutUs is ReportBlock aboutUs)
        {
            Interlocked.Exchange(ref _peerFractionLost, aboutUs.FractionLost);
            if (aboutUs.LastSenderReport != 0)
            {
                // §6.4.1: RTT = A - LSR - DLSR, all in the middle 32 bits of NTP time.
                uint roundTrip = NtpTime.Middle(now) - aboutUs.LastSenderReport - aboutUs.DelaySinceLastSenderReport;
                if (roundTrip < int.MaxValue)
                {
                    Interlocked.Exchange(ref _roundTripTicks, NtpTime.FromUnits(roundTrip).Ticks);
                }
            }
        }

        // Counted last, so that whoever sees the count also sees what the report said.
        Interlocked.Increment(ref _reportsReceived);
    }
}
