using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using DeskPhone.Hal;
using DeskPhone.Media;
using DeskPhone.Media.Codecs;
using DeskPhone.Media.Dtmf;
using DeskPhone.Media.Rtcp;
using DeskPhone.Media.Rtp;

namespace DeskPhone.Benchmarks;

/// <summary>
/// One 20 ms frame through the whole audio path of a call, each way, as <see cref="RtpStream"/>
/// runs it, without the kernel. <see cref="RtpStream"/> owns its socket and receive thread, so
/// the path is built here from the same internal parts it uses, called in the same order:
/// <list type="bullet">
/// <item>Send (audio thread, <c>SendCaptureFrame</c>): the DTMF scheduler's check for a digit
/// (none queued), <see cref="FrameEncoder"/> (resampling included), the RTP header and payload
/// written into the packet buffer (<see cref="RtpPacket.Write"/>), the sender statistics for RTCP,
/// the next sequence number and timestamp.</item>
/// <item>Receive (receive thread, <c>OnDatagram</c>): <see cref="RtpPacket.TryRead"/>, the
/// payload-type checks, the packet counters, <see cref="ReceptionStatistics"/>,
/// <see cref="JitterBuffer.Put"/>; then (audio thread, <c>ReadPlayoutFrame</c>)
/// <see cref="Playout.Read"/>: pop, decode, into the earpiece frame.</item>
/// </list>
/// Left out: the <c>sendto</c> and <c>recvfrom</c> system calls and the receive thread's wake-up
/// (the <c>--latency</c> mode measures those on real sockets), the receive thread's clock read
/// for the arrival time (a clock paced at exactly 20 ms stands in, so the buffer sees zero
/// jitter, as on a quiet LAN), the volatile read of the stream's settings, and the symmetric-RTP
/// latch (once per call). The engine's volume, key tones and sidetone come after the stream and
/// are measured apart (<see cref="AudioEngineBenchmarks"/>). Each frame plays exactly the packet
/// received in the same period: the jitter buffer at its one-frame minimum, never concealing,
/// which <see cref="Check"/> verifies after warm-up and after the run.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const uint Ssrc = 0x5EED_F00D;
    private const byte TelephoneEventPayloadType = 101;
    private const int WarmUpFrames = 250;
    private const long FrameMicroseconds = CodecFormats.PacketMilliseconds * 1000;

    private short[][] speech = null!;
    private int frame;
    private byte payloadType;
    private int clockRate;
    private uint timestampStep;

    // Phone A's send side, as RtpStream keeps it.
    private FrameEncoder encoder = null!;
    private DtmfSender dtmf = null!;
    private readonly SenderStatistics sent = new();
    private readonly byte[] payloadBuffer = new byte[CodecFormats.MaxOpusPayloadBytes];
    private readonly byte[] sendBuffer = new byte[RtpPacket.FixedHeaderLength + CodecFormats.MaxOpusPayloadBytes];
    private ushort sequence = 0xFF00;
    private uint timestamp = 0xFFF0_0000;
    private bool markerPending = true;

    // Phone B's receive side.
    private JitterBuffer jitterBuffer = null!;
    private Playout playout = null!;
    private FrameDecoder decoder = null!;
    private readonly ReceptionStatistics reception = new();
    private long packetsReceived;
    private long lastReceivedTicks;
    private long arrivalMicroseconds;
    private short[] earpiece = null!;

    // For Receive alone: the far end's second of packets, renumbered as they go.
    private byte[][] farPackets = null!;

    [Params(AudioCodec.Pcmu, AudioCodec.G722)]
    public AudioCodec Codec { get; set; }

    /// <summary>The device's rate: 8 kHz (the simulator's) or 16 kHz (the Pi's).</summary>
    [Params(8000, 16000)]
    public int SampleRate { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var format = new AudioFormat(SampleRate, SampleRate / SpeechLikeSignal.FramesPerSecond);
        speech = SpeechLikeSignal.Frames(SampleRate);
        payloadType = Codec == AudioCodec.Pcmu ? (byte)0 : (byte)9;
        clockRate = Codec.RtpClockRate();
        timestampStep = Codec.TimestampStep();
        encoder = new FrameEncoder(Codec, format);
        dtmf = new DtmfSender(5, 3);
        jitterBuffer = new JitterBuffer(1275);
        playout = new Playout(jitterBuffer, format);
        decoder = new FrameDecoder(Codec, format);
        earpiece = new short[format.FrameSamples];

        var farEnd = new FrameEncoder(Codec, format);
        farPackets = new byte[speech.Length][];
        for (int i = 0; i < speech.Length; i++)
        {
            int length = farEnd.Encode(speech[i], payloadBuffer);
            farPackets[i] = new byte[RtpPacket.FixedHeaderLength + length];
            RtpPacket.Write(farPackets[i], new RtpHeader(false, payloadType, 0, 0, Ssrc), payloadBuffer.AsSpan(0, length));
        }

        for (int i = 0; i < WarmUpFrames; i++)
        {
            SendAndReceive();
        }

        Check();
        if (!earpiece.AsSpan().ContainsAnyExcept((short)0))
        {
            throw new InvalidOperationException("The earpiece frame is silent after warm-up.");
        }
    }

    /// <summary>Every frame played was the one received, none concealed, dropped or inserted.</summary>
    [GlobalCleanup]
    public void Check()
    {
        if (playout.Concealed != 0 || jitterBuffer.Lost != 0 || jitterBuffer.Late != 0 || jitterBuffer.Underruns != 0
            || jitterBuffer.Inserted != 0 || jitterBuffer.Dropped != 0 || jitterBuffer.TooEarly != 0 || jitterBuffer.Duplicates != 0)
        {
            throw new InvalidOperationException(
                $"Not the steady path: {playout.Concealed} concealed, {jitterBuffer.Lost} lost, {jitterBuffer.Underruns} underruns, " +
                $"{jitterBuffer.Inserted} inserted, {jitterBuffer.Dropped} dropped.");
        }
    }

    /// <summary>Microphone frame → RTP packet ready for <c>sendto</c>.</summary>
    [Benchmark]
    public int Send() => SendFrame(speech[Next()]);

    /// <summary>A received RTP packet → jitter buffer → decoded earpiece frame.</summary>
    [Benchmark]
    public bool Receive()
    {
        // The far end's next packet: only the sequence number and timestamp change (RFC 3550 §5.1).
        byte[] packet = farPackets[Next()];
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence++);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), timestamp);
        timestamp += timestampStep;
        return ReceiveFrame(packet);
    }

    /// <summary>Both: what one phone does per 20 ms in a call, here looped back to itself.</summary>
    [Benchmark]
    public bool SendAndReceive()
    {
        int length = SendFrame(speech[Next()]);
        return ReceiveFrame(sendBuffer.AsSpan(0, length));
    }

    private int SendFrame(ReadOnlySpan<short> microphone)
    {
        if (dtmf.Next(timestamp).Active)
        {
            throw new InvalidOperationException("No digit was queued.");
        }

        int payloadLength = encoder.Encode(microphone, payloadBuffer);
        int length = RtpPacket.Write(sendBuffer, new RtpHeader(markerPending, payloadType, sequence, timestamp, Ssrc), payloadBuffer.AsSpan(0, payloadLength));
        sent.Sent(timestamp, payloadLength);
        sequence++;
        markerPending = false;
        timestamp += timestampStep;
        return length;
    }

    private bool ReceiveFrame(ReadOnlySpan<byte> datagram)
    {
        if (!RtpPacket.TryRead(datagram, out RtpHeader header, out ReadOnlySpan<byte> payload)
            || header.PayloadType == TelephoneEventPayloadType
            || header.PayloadType != payloadType)
        {
            return false;
        }

        Interlocked.Increment(ref packetsReceived);
        Interlocked.Exchange(ref lastReceivedTicks, TimeProvider.System.GetUtcNow().UtcTicks);
        reception.Add(header.Ssrc, header.SequenceNumber);
        arrivalMicroseconds += FrameMicroseconds;
        JitterBufferPut put = jitterBuffer.Put(header.SequenceNumber, new PacketArrival(header.Timestamp, clockRate, arrivalMicroseconds), payload);
        playout.Read(decoder, earpiece);
        return put == JitterBufferPut.Accepted;
    }

    private int Next()
    {
        int current = frame;
        frame = current + 1 == SpeechLikeSignal.FramesPerSecond ? 0 : current + 1;
        return current;
    }
}
