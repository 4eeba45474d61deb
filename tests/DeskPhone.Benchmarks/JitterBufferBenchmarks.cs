using BenchmarkDotNet.Attributes;
using DeskPhone.Hal;
using DeskPhone.Media;
using DeskPhone.Media.Codecs;
using DeskPhone.Media.Rtp;

namespace DeskPhone.Benchmarks;

/// <summary>
/// The receive side of the audio path per 20 ms frame: one packet into the jitter buffer and one
/// frame out, bare and through playout with G.722 decoding at 16 kHz, and the cost of
/// concealing a lost frame (pitch search on the first one).
/// </summary>
[MemoryDiagnoser]
public class JitterBufferBenchmarks
{
    private static readonly AudioFormat Wideband = new(16000, 320);

    private readonly JitterBuffer buffer = new(160);
    private readonly byte[] payload = new byte[160];
    private readonly byte[] popped = new byte[160];
    private readonly short[] frame = new short[320];
    private JitterBuffer playoutBuffer = null!;
    private Playout playout = null!;
    private FrameDecoder decoder = null!;
    private PacketLossConcealer concealer = null!;
    private int sequence;

    [GlobalSetup]
    public void Setup()
    {
        var encoder = new FrameEncoder(AudioCodec.G722, Wideband);
        var tone = new short[320];
        for (int i = 0; i < tone.Length; i++)
        {
            tone[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 16000));
        }

        encoder.Encode(tone, payload);
        playoutBuffer = new JitterBuffer(160);
        playout = new Playout(playoutBuffer, Wideband);
        decoder = new FrameDecoder(AudioCodec.G722, Wideband);
        concealer = new PacketLossConcealer(16000, 320);
        concealer.Played(tone);
    }

    [Benchmark]
    public int PutAndPop()
    {
        int n = sequence++;
        buffer.Put((ushort)n, new PacketArrival((uint)(n * 160), 8000, n * 20_000L), payload);
        buffer.Pop(popped, out int length);
        return length;
    }

    [Benchmark]
    public void PutAndPlayoutG722()
    {
        int n = sequence++;
        playoutBuffer.Put((ushort)n, new PacketArrival((uint)(n * 160), 8000, n * 20_000L), payload);
        playout.Read(decoder, frame);
    }

    /// <summary>One lost frame then one good one: the pitch search, 20 ms of synthesis and the cross-fade back.</summary>
    [Benchmark]
    public void ConcealAndRecover()
    {
        concealer.Conceal(frame);
        concealer.Played(frame);
    }
}
