using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DeskPhone.Hal;
using DeskPhone.Media;
using DeskPhone.Media.Codecs;
using DeskPhone.Media.Rtp;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeskPhone.Benchmarks;

/// <summary>
/// The <c>--latency</c> mode: wall-clock processing time each way per 20 ms frame, on the real
/// stream and engine classes over loopback sockets, paced like a sound card. The buffering each
/// way (samples waiting for a frame to fill or for the next callback) is counted exactly by
/// <c>AddedLatencyTests</c>; this measures what the processors add on top, including what
/// BenchmarkDotNet's means would hide: the wake-up of the receive thread, and the tail.
/// <list type="bullet">
/// <item>Send: <see cref="AudioEngine.ProcessCapture"/> on phone A, whose stream sends to a socket
/// that nobody waits on (so no other thread is woken inside the call): encode, RTP header,
/// <c>sendto</c>.</item>
/// <item>Receive: a prepared RTP packet sent to phone B, from just before that <c>sendto</c>
/// until B's receive thread has parsed and counted it (it puts it into the jitter buffer right
/// after): an upper bound, since it includes the sender's system call. Then B's
/// <see cref="AudioEngine.RenderPlayback"/> one period later, as its sound card would call it:
/// pop, decode, volume.</item>
/// </list>
/// </summary>
internal static class AddedLatencyMeasurement
{
    private static readonly (AudioCodec Codec, int SampleRate, string Device)[] Cases =
    [
        (AudioCodec.Pcmu, 8000, "simulator"),
        (AudioCodec.G722, 8000, "simulator"),
        (AudioCodec.Pcma, 16000, "Raspberry Pi"),
        (AudioCodec.G722, 16000, "Raspberry Pi"),
    ];

    /// <summary>Runs every case for <c>args[0]</c> frames (1000 by default, 20 s each) and prints a table.</summary>
    public static void Run(string[] args)
    {
        int frames = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        Console.WriteLine($"Processing time per 20 ms frame, {frames} frames per case paced at 20 ms; µs: median / p99 / max");
        Console.WriteLine("| codec, device | send: capture → sent | receive: sendto → parsed | receive: pop + decode | receive total |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach ((AudioCodec codec, int sampleRate, string device) in Cases)
        {
            Measure(codec, sampleRate, device, frames);
        }
    }

    private static void Measure(AudioCodec codec, int sampleRate, string device, int frames)
    {
        var format = new AudioFormat(sampleRate, sampleRate / 50);
        var options = new RtpStreamOptions { LocalAddress = IPAddress.Loopback, FirstPort = 40000, LastPort = 49999, ReceiveRealtimePriority = 49 };
        if (!RtpStream.TryOpen(options, format, TimeProvider.System, NullLogger.Instance, out RtpStream? a)
            || !RtpStream.TryOpen(options, format, TimeProvider.System, NullLogger.Instance, out RtpStream? b))
        {
            throw new InvalidOperationException("No free RTP port on loopback.");
        }

        using var sink = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sink.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using (a)
        using (b)
        {
            byte payloadType = codec switch { AudioCodec.Pcmu => 0, AudioCodec.Pcma => 8, _ => 9 };
            a.Start(new MediaNegotiation((IPEndPoint)sink.LocalEndPoint!, codec, payloadType, null, MediaDirection.SendOnly));
            b.Start(new MediaNegotiation((IPEndPoint)peer.LocalEndPoint!, codec, payloadType, null, MediaDirection.RecvOnly));
            var sender = new AudioEngine(format);
            var receiver = new AudioEngine(format);
            sender.Attach(a);
            receiver.Attach(b);

            short[] microphone = SpeechBand(format);
            var payload = new byte[160];
            new FrameEncoder(codec, format).Encode(microphone, payload);
            var packet = new byte[RtpPacket.FixedHeaderLength + payload.Length];
            var drain = new byte[2048];
            var toB = new IPEndPoint(IPAddress.Loopback, b.LocalPort);
            var earpiece = new short[format.FrameSamples];
            int warmUp = 250;
            var send = new double[frames];
            var arrive = new double[frames];
            var playout = new double[frames];
            long period = Stopwatch.Frequency / 50;
            long deadline = Stopwatch.GetTimestamp();
            for (int i = -warmUp; i < frames; i++)
            {
                Pace(deadline += period);

                // The packet of the previous period plays now, one period after it arrived.
                long t0 = Stopwatch.GetTimestamp();
                receiver.RenderPlayback(earpiece);
                long t1 = Stopwatch.GetTimestamp();
                sender.ProcessCapture(microphone);
                long t2 = Stopwatch.GetTimestamp();
                while (sink.Available > 0)
                {
                    sink.Receive(drain);
                }

                int sequence = i + warmUp;
                RtpPacket.Write(packet, new RtpHeader(false, payloadType, (ushort)sequence, (uint)(sequence * 160), 0x5EED), payload);
                long received = b.PacketsReceived;
                long t3 = Stopwatch.GetTimestamp();
                peer.SendTo(packet, toB);
                while (b.PacketsReceived == received && Stopwatch.GetTimestamp() - t3 < period)
                {
                    Thread.SpinWait(1);
                }

                long t4 = Stopwatch.GetTimestamp();
                if (i >= 0)
                {
                    playout[i] = Microseconds(t1 - t0);
                    send[i] = Microseconds(t2 - t1);
                    arrive[i] = Microseconds(t4 - t3);
                }
            }

            double[] receive = [.. arrive.Zip(playout, (x, y) => x + y)];
            Console.WriteLine(
                $"| {Name(codec)} at {sampleRate / 1000} kHz ({device}) | {Summary(send)} | {Summary(arrive)} | {Summary(playout)} | {Summary(receive)} |");
            CallQuality quality = b.Quality;
            if (quality.Underruns > 0 || quality.ConcealedFrames > 0)
            {
                Console.WriteLine($"  (receiver: {b.PacketsReceived} packets, {quality.Underruns} underruns, {quality.ConcealedFrames} concealed)");
            }
        }
    }

    private static void Pace(long deadline)
    {
        long wait = deadline - Stopwatch.GetTimestamp();
        if (wait > 0)
        {
            Thread.Sleep(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
        }

        while (Stopwatch.GetTimestamp() < deadline)
        {
            Thread.SpinWait(10);
        }
    }

    /// <summary>A frame of two tones in the speech band, so the codecs have real work.</summary>
    private static short[] SpeechBand(AudioFormat format)
    {
        var frame = new short[format.FrameSamples];
        for (int i = 0; i < frame.Length; i++)
        {
            double t = (double)i / format.SampleRate;
            frame[i] = (short)((6000 * Math.Sin(2 * Math.PI * 350 * t)) + (3000 * Math.Sin(2 * Math.PI * 1250 * t)));
        }

        return frame;
    }

    private static string Name(AudioCodec codec) => codec switch
    {
        AudioCodec.Pcmu => "PCMU",
        AudioCodec.Pcma => "PCMA",
        _ => "G.722",
    };

    private static double Microseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;

    private static string Summary(double[] values)
    {
        double[] sorted = [.. values.Order()];
        double median = sorted[sorted.Length / 2];
        double p99 = sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * 0.99))];
        return string.Create(CultureInfo.InvariantCulture, $"{median:F1} / {p99:F1} / {sorted[^1]:F0}");
    }
}
