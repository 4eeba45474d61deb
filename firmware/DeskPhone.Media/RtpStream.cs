using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using DeskPhone.Hal;
using DeskPhone.Hal.Scheduling;
using DeskPhone.Media.Codecs;
using DeskPhone.Media.Dtmf;
using DeskPhone.Media.Rtcp;
using DeskPhone.Media.Rtp;
using DeskPhone.Media.Tones;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Media;

/// <summary>
/// One call's audio over RTP (RFC 3550) on a single UDP socket used for both directions, with
/// DTMF as RFC 4733 telephone events (or in-band tones when the peer has none).
/// <para>
/// Threads: the phone-loop thread opens, starts, stops and disposes it and calls
/// <see cref="SendDigit"/>; the audio thread calls <see cref="ReadPlayoutFrame"/> and
/// <see cref="SendCaptureFrame"/>; a receive thread owned by the stream ("RTP receive"; under
/// SCHED_FIFO when <see cref="RtpStreamOptions.ReceiveRealtimePriority"/> asks and the OS allows)
/// blocks on the socket from open to dispose, parses packets, fills the jitter buffer (decoding happens at
/// playout, on the audio thread) and raises
/// <see cref="DigitReceived"/>. The threads meet only through the lock-free
/// <see cref="JitterBuffer"/> and digit queue, and volatile references.
/// </para>
/// </summary>
public sealed class RtpStream : IDisposable
{
    // Larger than any packet we accept; bigger datagrams are not ours to play.
    private const int ReceiveBufferBytes = 2048;

    // Largest payload we send: 20 ms of G.711 or G.722 is 160 octets, Opus is capped at 400.
    private const int MaxPayloadBytes = CodecFormats.MaxOpusPayloadBytes;

    // Largest payload we buffer: one Opus frame may take 1275 octets (RFC 6716 §3.2.1).
    private const int MaxReceivedPayloadBytes = 1275;

    // RFC 4733 §2.3: the power level of the tone the event stands for, as -dBm0.
    private const byte DtmfVolume = 10;

    private static readonly TimeSpan MaxDtmfDuration = TimeSpan.FromSeconds(5);

    private readonly Socket _socket;
    private readonly Thread _receiveThread;
    private readonly AudioFormat _format;
    private readonly JitterBuffer _jitterBuffer;
    private readonly Playout _playout;
    private readonly long _openedTimestamp;
    private readonly SenderStatistics _sent = new();
    private readonly ReceptionStatistics _reception = new();
    private readonly RtcpSession _rtcp;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ReceiveThreadPriority _receivePriority;
    private readonly int _receiveRealtimePriority;

    // Audio-thread state for sending (RFC 3550 §5.1: random initial sequence number, timestamp and SSRC).
    private readonly byte[] _payloadBuffer = new byte[MaxPayloadBytes];
    private readonly byte[] _sendBuffer = new byte[RtpPacket.FixedHeaderLength + MaxPayloadBytes];
    private readonly short[] _inBandFrame;
    private readonly ToneGenerator _inBandTone;
    private readonly ToneSpec[] _inBandDigits;
    private readonly DtmfSender _dtmf;
    private readonly uint _ssrc;
    private ushort _sequence;
    private uint _timestamp;
    private bool _markerPending = true;

    private StreamSettings? _settings;
    private volatile bool _disposed;
    private long _packetsReceived;
    private long _lastReceivedTicks;

    private RtpStream(Socket socket, Socket rtcpSocket, RtpStreamOptions options, AudioFormat format, TimeProvider timeProvider, ILogger logger, ReceiveThreadPriority receivePriority)
    {
        _socket = socket;
        _format = format;
        _timeProvider = timeProvider;
        _logger = logger;
        _receivePriority = receivePriority;
        _receiveRealtimePriority = options.ReceiveRealtimePriority;
        _jitterBuffer = new JitterBuffer(MaxReceivedPayloadBytes);
        _playout = new Playout(_jitterBuffer, format);
        _openedTimestamp = timeProvider.GetTimestamp();
        _inBandFrame = new short[format.FrameSamples];
        _inBandTone = new ToneGenerator(format.SampleRate);
        int digitPackets = Packets(options.DtmfDigitDuration);
        _dtmf = new DtmfSender(digitPackets, Packets(options.DtmfGap));
        _inBandDigits = KeyTones.InBandDtmf(digitPackets * CodecFormats.PacketMilliseconds);
        LocalPort = ((IPEndPoint)socket.LocalEndPoint!).Port;
        _ssrc = RandomUInt32();
        _sequence = (ushort)RandomUInt32();
        _timestamp = RandomUInt32();
        _rtcp = new RtcpSession(rtcpSocket, _ssrc, _sent, _reception, _jitterBuffer, timeProvider, logger);
        _receiveThread = new Thread(ReceiveLoop) { IsBackground = true, Name = "RTP receive" };
        _receiveThread.Start();
    }

    /// <summary>
    /// A DTMF digit ('0'-'9', '*', '#', 'A'-'D') arrived as an RFC 4733 event; raised once per
    /// key press, when its first packet arrives. Raised on the "RTP receive" thread: handlers
    /// must only hand the digit over (e.g. post it to the phone loop) and must not block.
    /// </summary>
    public event Action<char>? DigitReceived;

    /// <summary>The bound UDP port for RTP; always even, with RTCP on the next one (RFC 3550 §11).</summary>
    public int LocalPort { get; }

    /// <summary>RTP packets sent since open, audio and telephone events.</summary>
    public long PacketsSent => _sent.Packets;

    /// <summary>Packets received with the negotiated audio payload type since open.</summary>
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
    /// The call's receive quality so far; zeros and a MOS from the negotiated codec alone before
    /// audio arrives. Any thread (the phone loop, for the call-info screen); lock-free.
    /// </summary>
    public CallQuality Quality
    {
        get
        {
            long expected = _reception.HasSource ? _reception.Expected : 0;
            long missing = Math.Max(0, _reception.CumulativeLost) + _jitterBuffer.Late;
            double lossPercent = expected > 0 ? Math.Min(100, 100.0 * missing / expected) : 0;
            TimeSpan? roundTrip = _rtcp.RoundTripTime;
            int bufferDelay = _jitterBuffer.TargetFrames * CodecFormats.PacketMilliseconds;

            // Mouth to ear: half the round trip, the far end's packetisation, our buffer, and one
            // sound card period.
            TimeSpan oneWay = ((roundTrip ?? TimeSpan.Zero) / 2)
                + TimeSpan.FromMilliseconds(bufferDelay + (2 * CodecFormats.PacketMilliseconds));
            AudioCodec codec = Volatile.Read(ref _settings)?.Codec ?? AudioCodec.Pcmu;
            return new CallQuality(
                lossPercent,
                _jitterBuffer.JitterMicroseconds / 1000.0,
                roundTrip?.TotalMilliseconds,
                bufferDelay,
                _jitterBuffer.Underruns,
                _playout.Concealed,
                EModel.Mos(EModel.Rating(codec, oneWay, lossPercent)));
        }
    }

    internal RtcpSession Rtcp => _rtcp;

    internal JitterBuffer JitterBuffer => _jitterBuffer;

    /// <summary>The format of the frames this stream sends and plays.</summary>
    internal AudioFormat Format => _format;

    /// <summary>
    /// Binds a socket on the first free even port of the range and one for RTCP on the next
    /// port (RFC 3550 §11), starting at a random point of the range
    /// so consecutive calls do not reuse a port that stray packets of the last call may still
    /// reach. Returns false when every even port of the range is taken. Phone-loop thread.
    /// </summary>
    /// <param name="format">The format of the stream's frames: 8 or 16 kHz, 20 ms; the engine's <see cref="AudioEngine.StreamFormat"/>.</param>
    public static bool TryOpen(
        RtpStreamOptions options,
        AudioFormat format,
        TimeProvider timeProvider,
        ILogger logger,
        [NotNullWhen(true)] out RtpStream? stream) =>
        TryOpen(options, format, timeProvider, logger, ReceiveThreadPriority.Kernel, out stream);

    /// <summary>As the public overload, with the receive thread's scheduling given (tests stand in for the kernel).</summary>
    internal static bool TryOpen(
        RtpStreamOptions options,
        AudioFormat format,
        TimeProvider timeProvider,
        ILogger logger,
        ReceiveThreadPriority receivePriority,
        [NotNullWhen(true)] out RtpStream? stream)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        MediaFormat.ValidateStream(format, nameof(format));
        ValidateDtmf(options);
        if (options.ReceiveRealtimePriority is < 0 or > RealtimeScheduling.MaxPriority)
        {
            throw new ArgumentException(
                $"ReceiveRealtimePriority must be 0 (off) or 1-{RealtimeScheduling.MaxPriority}, is {options.ReceiveRealtimePriority}.",
                nameof(options));
        }

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
            if (!TryBind(options.LocalAddress, port, out Socket? socket))
            {
                continue;
            }

            if (!TryBind(options.LocalAddress, port + 1, out Socket? rtcpSocket))
            {
                socket.Dispose();
                continue;
            }

            stream = new RtpStream(socket, rtcpSocket, options, format, timeProvider, logger, receivePriority);
            return true;
        }

        logger.LogWarning("No free even RTP port (with RTCP on the next) in {First}-{Last}", options.FirstPort, options.LastPort);
        stream = null;
        return false;
    }

    /// <summary>
    /// Starts or changes media per a negotiation (again on a re-INVITE). Sequence numbers,
    /// timestamps and SSRC carry on, as for any RTP session that keeps its source; so does the
    /// codec state when the codec stays the same. Phone-loop thread.
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
        if (negotiation.TelephoneEventPayloadType is > 127)
        {
            throw new ArgumentOutOfRangeException(nameof(negotiation), "The telephone-event payload type has 7 bits.");
        }

        StreamSettings? previous = Volatile.Read(ref _settings);
        Volatile.Write(ref _settings, new StreamSettings(negotiation, _format, previous?.Codec == negotiation.Codec ? previous : null));
        _logger.LogInformation(
            "RTP on port {Port} to {Remote}: {Codec} (payload type {PayloadType}), telephone-event {EventPayloadType}, {Direction}",
            LocalPort,
            negotiation.Remote,
            AudioCodecNames.Name(negotiation.Codec),
            negotiation.PayloadType,
            negotiation.TelephoneEventPayloadType?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none",
            negotiation.Direction);

        // RFC 3550 §11: RTCP on the peer's RTP port + 1 (an a=rtcp attribute is not read).
        IPEndPoint remote = negotiation.Remote;
        if (remote.Port < ushort.MaxValue)
        {
            _rtcp.Start(new IPEndPoint(remote.Address, remote.Port + 1), negotiation.Codec.RtpClockRate());
        }
    }

    /// <summary>
    /// Stops sending and playing without closing the sockets, and ends RTCP reporting with a BYE
    /// (RFC 3550 §6.6); <see cref="Start"/> resumes. Phone-loop thread.
    /// </summary>
    public void Stop()
    {
        Volatile.Write(ref _settings, null);
        _rtcp.Stop();
    }

    /// <summary>
    /// Queues a DTMF digit ('0'-'9', '*', '#', 'A'-'D'); the audio thread sends it as RFC 4733
    /// events on the negotiated telephone-event payload type, suppressing audio meanwhile, or as
    /// an in-band tone when the peer accepted no telephone-event. Digits follow one another with
    /// <see cref="RtpStreamOptions.DtmfDigitDuration"/> and <see cref="RtpStreamOptions.DtmfGap"/>.
    /// Returns false when the stream may not send now (not started, on hold) or too many digits
    /// are waiting; digits still waiting when sending stops are dropped. Phone-loop thread.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="digit"/> is not a DTMF key.</exception>
    public bool SendDigit(char digit)
    {
        if (!DtmfEvents.TryGetEvent(digit, out _))
        {
            throw new ArgumentOutOfRangeException(nameof(digit), digit, "Not a DTMF key.");
        }

        StreamSettings? settings = Volatile.Read(ref _settings);
        return !_disposed && settings is not null && settings.Direction.Sends() && _dtmf.TryEnqueue(digit);
    }

    /// <summary>
    /// Fills <paramref name="frame"/> with the next received frame from the jitter buffer, decoded
    /// here, or its concealment when it is missing, or silence. Audio thread.
    /// REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public void ReadPlayoutFrame(Span<short> frame)
    {
        if (frame.Length != _format.FrameSamples)
        {
            throw new ArgumentException($"Frame must hold {_format.FrameSamples} samples.", nameof(frame));
        }

        // Drained even when not receiving so frames buffered before a hold are not played after it.
        StreamSettings? settings = Volatile.Read(ref _settings);
        _playout.Read(settings is not null && settings.Direction.Receives() ? settings.Decoder : null, frame);
    }

    /// <summary>
    /// Sends one 20 ms period: the captured frame encoded as one RTP packet, or the event
    /// packet of a DTMF digit in progress, when the negotiated direction allows sending.
    /// Audio thread. REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public void SendCaptureFrame(ReadOnlySpan<short> frame)
    {
        if (frame.Length != _format.FrameSamples)
        {
            throw new ArgumentException($"Frame must hold {_format.FrameSamples} samples.", nameof(frame));
        }

        StreamSettings? settings = Volatile.Read(ref _settings);
        if (settings is not null && settings.Direction.Sends() && !_disposed)
        {
            DtmfFrame dtmf = _dtmf.Next(_timestamp);
            if (dtmf.Active && settings.TelephoneEventPayloadType is byte eventType)
            {
                SendTelephoneEvent(settings, eventType, dtmf);

                // The first audio packet after the event starts a new talkspurt (RFC 3551 §4.1).
                _markerPending = true;
            }
            else
            {
                SendAudio(settings, dtmf.Tone ? InBandTone(dtmf) : frame);
            }
        }
        else
        {
            // RFC 3551 §4.1: the first packet after a gap in sending starts a talkspurt.
            _markerPending = true;
            _dtmf.Cancel();
        }

        // The timestamp follows the sampling clock whether or not the frame went out (RFC 3550
        // §5.1): 8000 per second for G.711 and G.722 (RFC 3551 §4.5.2), 48000 for Opus (RFC 7587 §4.1).
        _timestamp += (settings?.Codec ?? AudioCodec.Pcmu).TimestampStep();
    }

    /// <summary>Sends the RTCP BYE, closes the sockets and waits for the receive threads to end. Phone-loop thread.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        Volatile.Write(ref _settings, null);
        _rtcp.Dispose();
        _disposed = true;
        _socket.Dispose();
        _receiveThread.Join();
    }

    private static bool TryBind(IPAddress address, int port, [NotNullWhen(true)] out Socket? socket)
    {
        socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            socket.Dispose();
            socket = null;
            return false;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static void ValidateDtmf(RtpStreamOptions options)
    {
        if (options.DtmfDigitDuration < TimeSpan.FromMilliseconds(CodecFormats.PacketMilliseconds)
            || options.DtmfDigitDuration > MaxDtmfDuration
            || options.DtmfGap < TimeSpan.FromMilliseconds(DtmfSender.EndRepeats * CodecFormats.PacketMilliseconds)
            || options.DtmfGap > MaxDtmfDuration)
        {
            throw new ArgumentException("DTMF digits must last 20 ms to 5 s, and gaps 40 ms to 5 s.", nameof(options));
        }
    }

    private static int Packets(TimeSpan duration) =>
        (int)Math.Ceiling(duration.TotalMilliseconds / CodecFormats.PacketMilliseconds);

    // RFC 4733 §2.5.1: the event's start timestamp in every packet, marker on the first, the
    // duration so far (in timestamp units) growing each packet, E on the last three.
    private void SendTelephoneEvent(StreamSettings settings, byte payloadType, in DtmfFrame dtmf)
    {
        var telephoneEvent = new TelephoneEvent(dtmf.Event, dtmf.End, DtmfVolume, (ushort)(dtmf.Periods * settings.Codec.TimestampStep()));
        int payloadLength = telephoneEvent.Write(_payloadBuffer);
        Send(settings, new RtpHeader(dtmf.Start, payloadType, _sequence, dtmf.Timestamp, _ssrc), payloadLength);
    }

    private void SendAudio(StreamSettings settings, ReadOnlySpan<short> frame)
    {
        int payloadLength = settings.Encoder.Encode(frame, _payloadBuffer);
        if (Send(settings, new RtpHeader(_markerPending, settings.PayloadType, _sequence, _timestamp, _ssrc), payloadLength))
        {
            _markerPending = false;
        }
    }

    // In-band fallback: the digit's Q.23 tone pair replaces the microphone for its duration.
    private short[] InBandTone(in DtmfFrame dtmf)
    {
        if (dtmf.Start)
        {
            _inBandTone.Play(_inBandDigits[dtmf.Event]);
        }

        _inBandTone.Render(_inBandFrame);
        return _inBandFrame;
    }

    private bool Send(StreamSettings settings, in RtpHeader header, int payloadLength)
    {
        int length = RtpPacket.Write(_sendBuffer, header, _payloadBuffer.AsSpan(0, payloadLength));

        // Symmetric RTP (RFC 7362 §4): once the peer's packets arrive, answer where they come from.
        SocketAddress target = Volatile.Read(ref settings.LatchedRemote) ?? settings.SignalledRemote;
        try
        {
            _socket.SendTo(_sendBuffer.AsSpan(0, length), SocketFlags.None, target);
            _sent.Sent(header.Timestamp, payloadLength);
            _sequence++;
            return true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // A failed datagram is lost audio, nothing more; the audio thread may not log,
            // and a stream disposed under it is simply done.
            return false;
        }
    }

    private void ReceiveLoop()
    {
        // Once, before the first datagram, where logging a refusal is still harmless.
        _receivePriority.Enter(_receiveRealtimePriority, _logger);
        byte[] buffer = new byte[ReceiveBufferBytes];
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

            OnDatagram(buffer.AsSpan(0, length), source);
        }
    }

    private void OnDatagram(ReadOnlySpan<byte> datagram, SocketAddress source)
    {
        StreamSettings? settings = Volatile.Read(ref _settings);
        if (settings is null || !RtpPacket.TryRead(datagram, out RtpHeader header, out ReadOnlySpan<byte> payload))
        {
            return;
        }

        if (header.PayloadType == settings.TelephoneEventPayloadType)
        {
            Latch(settings, source);
            OnTelephoneEvent(settings, header, payload);
            return;
        }

        if (header.PayloadType != settings.PayloadType)
        {
            // Not our audio (comfort noise is not handled yet): drop.
            return;
        }

        Interlocked.Increment(ref _packetsReceived);
        Interlocked.Exchange(ref _lastReceivedTicks, _timeProvider.GetUtcNow().UtcTicks);
        _reception.Add(header.Ssrc, header.SequenceNumber);
        Latch(settings, source);
        if (settings.Direction.Receives())
        {
            long arrival = _timeProvider.GetElapsedTime(_openedTimestamp).Ticks / TimeSpan.TicksPerMicrosecond;
            _jitterBuffer.Put(header.SequenceNumber, new PacketArrival(header.Timestamp, settings.Codec.RtpClockRate(), arrival), payload);
        }
    }

    private void OnTelephoneEvent(StreamSettings settings, in RtpHeader header, ReadOnlySpan<byte> payload)
    {
        if (settings.Direction.Receives()
            && TelephoneEvent.TryRead(payload, out TelephoneEvent telephoneEvent)
            && settings.DigitReceiver.TryAccept(header.Ssrc, header.Timestamp, telephoneEvent, out char digit))
        {
            DigitReceived?.Invoke(digit);
        }
    }

    private static void Latch(StreamSettings settings, SocketAddress source)
    {
        if (Volatile.Read(ref settings.LatchedRemote) is null)
        {
            var latched = new SocketAddress(source.Family, source.Size);
            source.Buffer.Span[..source.Size].CopyTo(latched.Buffer.Span);
            Volatile.Write(ref settings.LatchedRemote, latched);
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
    /// see a consistent set. The encoder and decoder belong to the audio thread, the digit
    /// receiver to the receive thread.
    /// </summary>
    private sealed class StreamSettings
    {
        public readonly AudioCodec Codec;
        public readonly byte PayloadType;
        public readonly byte? TelephoneEventPayloadType;
        public readonly SocketAddress SignalledRemote;
        public readonly MediaDirection Direction;
        public readonly FrameEncoder Encoder;
        public readonly FrameDecoder Decoder;
        public readonly DtmfReceiver DigitReceiver;

        /// <summary>Where the peer's packets come from; set once by the receive thread.</summary>
        public SocketAddress? LatchedRemote;

        /// <param name="sameCodec">The settings being replaced when they use the same codec: their codec state carries on.</param>
        public StreamSettings(MediaNegotiation negotiation, AudioFormat format, StreamSettings? sameCodec)
        {
            Codec = negotiation.Codec;
            PayloadType = negotiation.PayloadType;
            TelephoneEventPayloadType = negotiation.TelephoneEventPayloadType;
            SignalledRemote = negotiation.Remote.Serialize();
            Direction = negotiation.Direction;
            Encoder = sameCodec?.Encoder ?? new FrameEncoder(negotiation.Codec, format);
            Decoder = sameCodec?.Decoder ?? new FrameDecoder(negotiation.Codec, format);
            DigitReceiver = sameCodec?.DigitReceiver ?? new DtmfReceiver();
        }
    }
}
