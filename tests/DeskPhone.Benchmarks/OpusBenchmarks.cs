using BenchmarkDotNet.Attributes;
using DeskPhone.Hal;
using DeskPhone.Media;
using DeskPhone.Media.Codecs;

namespace DeskPhone.Benchmarks;

/// <summary>
/// Opus per 20 ms frame at the phone's 16 kHz, 32 kbit/s, complexity 5, in-band FEC on, on
/// both implementations: the system's libopus through our binding (Native, what the phone uses
/// when libopus0 is installed) and Concentus (Managed, the fallback); G.722 alongside for
/// scale. The allocation column matters: the audio thread must not allocate.
/// </summary>
[MemoryDiagnoser]
public class OpusBenchmarks
{
    private static readonly AudioFormat Wideband = new(16000, 320);

    private readonly short[] speech = new short[320];
    private readonly short[] decoded = new short[320];
    private readonly byte[] payload = new byte[CodecFormats.MaxOpusPayloadBytes];
    private readonly byte[] g722Payload = new byte[160];
    private FrameEncoder nativeEncoder = null!;
    private FrameDecoder nativeDecoder = null!;
    private FrameEncoder managedEncoder = null!;
    private FrameDecoder managedDecoder = null!;
    private FrameEncoder g722Encoder = null!;
    private FrameDecoder g722Decoder = null!;
    private int length;

    [GlobalSetup]
    public void Setup()
    {
        if (!OpusCodec.NativeAvailable)
        {
            throw new InvalidOperationException($"{OpusCodec.NativeLoadError}: install libopus0 (make deps)");
        }

        var random = new Random(1);
        for (int i = 0; i < speech.Length; i++)
        {
            // A 150 Hz voiced buzz with a little noise, speech-like enough for SILK/CELT.
            speech[i] = (short)((6000 * Math.Sin(2 * Math.PI * 150 * i / 16000)) + (2000 * Math.Sin(2 * Math.PI * 450 * i / 16000)) + random.Next(-300, 300));
        }

        nativeEncoder = new FrameEncoder(AudioCodec.Opus, Wideband, OpusLibrary.Native);
        nativeDecoder = new FrameDecoder(AudioCodec.Opus, Wideband, OpusLibrary.Native);
        managedEncoder = new FrameEncoder(AudioCodec.Opus, Wideband, OpusLibrary.Managed);
        managedDecoder = new FrameDecoder(AudioCodec.Opus, Wideband, OpusLibrary.Managed);
        g722Encoder = new FrameEncoder(AudioCodec.G722, Wideband);
        g722Decoder = new FrameDecoder(AudioCodec.G722, Wideband);

        // Both decoders get the same packet, from the native encoder.
        length = nativeEncoder.Encode(speech, payload);
        g722Encoder.Encode(speech, g722Payload);
    }

    [Benchmark]
    public int OpusNativeEncode() => nativeEncoder.Encode(speech, payload.AsSpan(length));

    [Benchmark]
    public bool OpusNativeDecode() => nativeDecoder.TryDecode(payload.AsSpan(0, length), decoded);

    [Benchmark]
    public void OpusNativeConceal() => nativeDecoder.Conceal(default, decoded);

    [Benchmark]
    public void OpusNativeFec() => nativeDecoder.Conceal(payload.AsSpan(0, length), decoded);

    [Benchmark]
    public int OpusManagedEncode() => managedEncoder.Encode(speech, payload.AsSpan(length));

    [Benchmark]
    public bool OpusManagedDecode() => managedDecoder.TryDecode(payload.AsSpan(0, length), decoded);

    [Benchmark]
    public void OpusManagedConceal() => managedDecoder.Conceal(default, decoded);

    [Benchmark]
    public int G722Encode() => g722Encoder.Encode(speech, g722Payload);

    [Benchmark]
    public bool G722Decode() => g722Decoder.TryDecode(g722Payload, decoded);
}
