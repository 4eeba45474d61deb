using BenchmarkDotNet.Attributes;
using DeskPhone.Hal;
using DeskPhone.Media;
using DeskPhone.Media.Codecs;
using DeskPhone.Media.Rtp;

namespace DeskPhone.Benchmarks;

/// <summary>
/// What a lost G.722 frame costs the audio thread through <see cref="Playout"/>: the concealment
/// (pitch search, 20 ms of extrapolation), the decoder following it (transmit QMF and quantisers
/// over the extrapolation), then the next frame (the look-ahead followed, decoded, cross-faded);
/// against two frames received and decoded.
/// </summary>
[MemoryDiagnoser]
public class G722ConcealmentBenchmarks
{
    private readonly byte[] payload = new byte[160];
    private JitterBuffer buffer = null!;
    private Playout playout = null!;
    private FrameDecoder decoder = null!;
    private short[] frame = null!;
    private int sequence;

    /// <summary>The device's rate: 8 kHz (the simulator's, resampling) or 16 kHz (the Pi's).</summary>
    [Params(8000, 16000)]
    public int SampleRate { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var format = new AudioFormat(SampleRate, SampleRate / 50);
        frame = new short[format.FrameSamples];
        for (int i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)(8000 * Math.Sin(2 * Math.PI * 180 * i / SampleRate));
        }

        new FrameEncoder(AudioCodec.G722, format).Encode(frame, payload);
        buffer = new JitterBuffer(160);
        playout = new Playout(buffer, format);
        decoder = new FrameDecoder(AudioCodec.G722, format);
    }

    [Benchmark(Baseline = true)]
    public void TwoFramesReceived()
    {
        int n = sequence;
        sequence += 2;
        Put(n);
        Put(n + 1);
        playout.Read(decoder, frame);
        playout.Read(decoder, frame);
    }

    [Benchmark]
    public void OneLostThenOneReceived()
    {
        int n = sequence;
        sequence += 2;
        Put(n + 1);
        playout.Read(decoder, frame);
        playout.Read(decoder, frame);
    }

    private void Put(int n) =>
        buffer.Put((ushort)n, new PacketArrival((uint)(n * 160), 8000, n * 20_000L), payload);
}
