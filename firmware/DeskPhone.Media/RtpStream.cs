using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using DeskPhone.Hal;
using DeskPhone.Media.Codecs;
using DeskPhone.Media.Rtp;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Media;

/// <summary>
/// One call's audio over RTP (RFC 3550) on a single UDP socket used for both directions.
/// <para>
/// Threads: the phone-loop thread opens, starts, stops and disposes it; the audio thread calls
/// <see cref="ReadPlayoutFrame"/> and <see cref="SendCaptureFrame"/>; a receive thread owned by
/// the stream ("RTP receive") blocks on the socket from open to dispose, parses packets and fills
/// the jitter buffer. The receive and audio threads meet only through the lock-free
/// <see cref="JitterBuffer"/> and volatile references.
/// </para>
/// </summary>
public sealed class RtpStream : IDisposable
{
    // Larger than any G.711 packet we accept; bigger datagrams are not ours to play.
    private const int ReceiveBufferBytes = 2048;

    private readonly Socket _socket;
    private readonly Thread _receiveThread;
    private readonly JitterBuffer _jitterBuffer = new(MediaFormat.FrameSamples);
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    // Audio-thread state for sending (RFC 3550 §5.1: random initial sequence number, timestamp and SSRC).
    private readonly byte[] _payloadBuffer = new byte[MediaFormat.FrameSamples];
    private readonly byte[] _sendBuffer = new byte[RtpPacket.FixedHeaderLength + MediaFormat.FrameSamples];
    private readonly uint _ssrc;
    private ushort _sequence;
    private uint _timestamp;
    private bool _markerPending = true;

    private StreamSettings? _settings;
    private volatile bool _disposed;
    private long _packetsSent;
    private long _packetsReceived;
    private long _lastReceivedTicks;

    private RtpStream(Socket socket, TimeProvider timeProvider, ILogger logger)
    {
        _socket = socket;
        _timeProvider = timeProvider;
        _logger = logger;
        LocalPort = ((IPEndPoint)socket.LocalEndPoint!).Port;
        _ssrc = RandomUInt32();
        _sequence = (ushort)RandomUInt32();
        _timestamp = RandomUInt32();
        _receiveThread = new Thread(ReceiveLoop) { IsBackground = true, Name = "RTP receive" };
        _receiveThread.Start();
    }

    /// <summary>The bound UDP port; always even, as RFC 3550 §11 keeps port + 1 for RTCP (not sent yet).</summary>
    public int LocalPort { get; }

    /// <summary>RTP packets sent since open.</summary>
    public long PacketsSent => Interlocked.Read(ref _packetsSent);

    /// <summary>Packets received with the negotiated payload type since open.</summary>
    public long PacketsReceived => Interlocked.Read(ref _packetsReceived);

    /// <summary>When the last such packet arrived, by the injected clock; null before the first.</summary>
    public DateTimeOffset? LastReceivedAt
    {
        get
        {
            long ticks = Interlocked.Read(ref _lastReceivedTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>
    /// Binds a socket on the first free even port of the range, starting at a random point of it
    /// so consecutive calls do not reuse a port that stray packets of the last call may still
    /// reach. Returns false when every even port of the range is taken. Phone-loop thread.
    /// </summary>
    public static bool TryOpen(
        RtpStreamOptions options,
        AudioFormat format,
        TimeProvider timeProvider,
        ILogger logger,
        [NotNullWhen(true)] out RtpStream? stream)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        MediaFormat.Validate(format, nameof(format));
        int first = options.FirstPort + (options.FirstPort & 1);
        int last = options.LastPort - (options.LastPort & 1);
        if (options.FirstPort < 1 || options.LastPort > ushort.MaxValue || first > last)
        {
            throw new ArgumentException("The port range must hold an even port within 1-65535.", nameof(options));
        }

        int evenPorts = ((last - first) / 2) + 1;
        int start = Random.Shared.Next(evenPorts);
        for (int i = 0; i < evenPorts; i++)
        {
            int port = first + (2 * ((start + i) % evenPorts));
            var socket = new Socket(options.LocalAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                socket.Bind(new IPEndPoint(options.LocalAddress, port));
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                socket.Dispose();
                continue;
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            stream = new RtpStream(socket, timeProvider, logger);
            return true;
        }

        logger.LogWarning("No free even RTP port in {First}-{Last}", options.FirstPort, options.LastPort);
        stream = null;
        return false;
    }

    /// <summary>
    /// Starts or changes media per a negotiation (again on a re-INVITE). Sequence numbers,
    /// timestamps and SSRC carry on, as for any RTP session that keeps its source. Phone-loop thread.
    /// </summary>
    public void Start(MediaNegotiation negotiation)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (negotiation.Remote.AddressFamily != _socket.AddressFamily)
        {
            throw new ArgumentException("The remote address family differs from the socket's.", nameof(negotiation));
        }

        // RFC 3550 §5.1: the payload type field has 7 bits.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(negotiation.PayloadType, (byte)127, nameof(negotiation));

        Volatile.Write(ref _settings, new StreamSettings(negotiation));
    }

    /// <summary>Stops sending and playing without closing the socket; <see cref="Start"/> resumes. Phone-loop thread.</summary>
    public void Stop() => Volatile.Write(ref _settings, null);

    /// <summary>
    /// Fills <paramref name="frame"/> with the next received frame, or silence. Audio thread.
    /// REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public void ReadPlayoutFrame(Span<short> frame)
    {
        // Read even when not receiving so frames buffered before a hold are not played after it.
        _jitterBuffer.Read(frame);
        StreamSettings? settings = Volatile.Read(ref _settings);
        if (settings is null || !settings.Direction.Receives())
        {
            frame.Clear();
        }
    }

    /// <summary>
    /// Encodes one captured frame and sends it as one RTP packet, when the negotiated direction
    /// allows sending. Audio thread. REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public void SendCaptureFrame(ReadOnlySpan<short> frame)
    {
        if (frame.Length != MediaFormat.FrameSamples)
        {
            throw new ArgumentException($"Frame must hold {MediaFormat.FrameSamples} samples.", nameof(frame));
        }

        StreamSettings? settings = Volatile.Read(ref _settings);
        if (settings is not null && settings.Direction.Sends() && !_disposed)
        {
            G711.Encode(settings.Codec, frame, _payloadBuffer);
            var header = new RtpHeader(_markerPending, settings.PayloadType, _sequence, _timestamp, _ssrc);
            int length = RtpPacket.Write(_sendBuffer, header, _payloadBuffer);

            // Symmetric RTP (RFC 7362 §4): once the peer's packets arrive, answer where they come from.
            SocketAddress target = Volatile.Read(ref settings.LatchedRemote) ?? settings.SignalledRemote;
            try
            {
                _socket.SendTo(_sendBuffer.AsSpan(0, length), SocketFlags.None, target);
                Interlocked.Increment(ref _packetsSent);
                _markerPending = false;
                _sequence++;
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // A failed datagram is lost audio, nothing more; the audio thread may not log,
                // and a stream disposed under it is simply done.
            }
        }
        else
        {
            // RFC 3551 §4.1: the first packet after a gap in sending starts a talkspurt.
            _markerPending = true;
        }

        // The timestamp follows the sampling clock whether or not the frame went out (RFC 3550 §5.1).
        _timestamp += (uint)MediaFormat.FrameSamples;
    }

    /// <summary>Closes the socket and waits for the receive thread to end. Phone-loop thread.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Volatile.Write(ref _settings, null);
        _socket.Dispose();
        _receiveThread.Join();
    }

    private void ReceiveLoop()
    {
        byte[] buffer = new byte[ReceiveBufferBytes];
        short[] decoded = new short[MediaFormat.FrameSamples];
        var source = new SocketAddress(_socket.AddressFamily, SocketAddress.GetMaximumAddressSize(_socket.AddressFamily));
        while (!_disposed)
        {
            int length;
            try
            {
                length = _socket.ReceiveFrom(buffer, SocketFlags.None, source);
            }
            catch (Exception e) when (_disposed && e is SocketException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                // E.g. an ICMP error from an earlier send surfacing here: the socket stays usable.
                _logger.LogDebug(e, "RTP receive on port {Port} failed", LocalPort);
                continue;
            }

            OnDatagram(buffer.AsSpan(0, length), source, decoded);
        }
    }

    private void OnDatagram(ReadOnlySpan<byte> datagram, SocketAddress source, short[] decoded)
    {
        StreamSettings? settings = Volatile.Read(ref _settings);
        if (settings is null
            || !RtpPacket.TryRead(datagram, out RtpHeader header, out ReadOnlySpan<byte> payload)
            || header.PayloadType != settings.PayloadType)
        {
            // Not started, not RTP, or not our audio (telephone-event and comfort noise are not
            // handled yet): drop.
            return;
        }

        Interlocked.Increment(ref _packetsReceived);
        Interlocked.Exchange(ref _lastReceivedTicks, _timeProvider.GetUtcNow().UtcTicks);
        if (Volatile.Read(ref settings.LatchedRemote) is null)
        {
            var latched = new SocketAddress(source.Family, source.Size);
            source.Buffer.Span[..source.Size].CopyTo(latched.Buffer.Span);
            Volatile.Write(ref settings.LatchedRemote, latched);
        }

        if (settings.Direction.Receives() && payload.Length == decoded.Length)
        {
            G711.Decode(settings.Codec, payload, decoded);
            _jitterBuffer.Put(header.SequenceNumber, decoded);
        }
    }

    private static uint RandomUInt32()
    {
        Span<byte> bytes = stackalloc byte[4];
        RandomNumberGenerator.Fill(bytes);
        return BitConverter.ToUInt32(bytes);
    }

    /// <summary>
    /// One negotiation's settings, replaced as a whole so the audio and receive threads always
    /// see a consistent set.
    /// </summary>
    private sealed class StreamSettings(MediaNegotiation negotiation)
    {
        public readonly AudioCodec Codec = negotiation.Codec;
        public readonly byte PayloadType = negotiation.PayloadType;
        public readonly SocketAddress SignalledRemote = negotiation.Remote.Serialize();
        public readonly MediaDirection Direction = negotiation.Direction;

        /// <summary>Where the peer's packets come from; set once by the receive thread.</summary>
        public SocketAddress? LatchedRemote;
    }
}
