using BenchmarkDotNet.Attributes;
using DeskPhone.Hal;
using DeskPhone.Media;
using DeskPhone.Media.Codecs;

namespace DeskPhone.Benchmarks;

/// <summary>
/// Each G.711 and G.722 codec per 20 ms frame, through the phone's own
/// <see cref="FrameEncoder"/> and <see cref="FrameDecoder"/>, so the 8↔16 kHz resampling is
/// included where the device's rate differs from the codec's (G.711 on the Pi's 16 kHz, G.722
/// on the simulator's 8 kHz). The input cycles through a second of speech-like audio, and the
/// decoder through that second encoded. Opus is measured apart (<see cref="OpusBenchmarks"/>).
/// </summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    private short[][] speech = null!;
    private byte[][] payloads = null!;
    private byte[] payload = null!;
    private short[] decoded = null!;
    private FrameEncoder encoder = null!;
    private FrameDecoder decoder = null!;
    private int frame;

    [Params(AudioCodec.Pcmu, AudioCodec.Pcma, AudioCodec.G722)]
    public AudioCodec Codec { get; set; }

    /// <summary>The device's rate: 8 kHz (the simulator's) or 16 kHz (the Pi's).</summary>
    [Params(8000, 16000)]
    public int SampleRate { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var format = new AudioFormat(SampleRate, SampleRate / SpeechLikeSignal.FramesPerSecond);
        speech = SpeechLikeSignal.Frames(SampleRate);
        encoder = new FrameEncoder(Codec, format);
        decoder = new FrameDecoder(Codec, format);
        payload = new byte[encoder.MaxPayloadBytes];
        decoded = new short[format.FrameSamples];

        // What the far end sends: the same second, encoded by an encoder of its own.
        var farEnd = new FrameEncoder(Codec, format);
        payloads = new byte[speech.Length][];
        for (int i = 0; i < speech.Length; i++)
        {
            payloads[i] = new byte[farEnd.MaxPayloadBytes];
            farEnd.Encode(speech[i], payloads[i]);
        }
    }

    [Benchmark]
    public int Encode() => encoder.Encode(speech[Next()], payload);

    [Benchmark]
    public bool Decode() => decoder.TryDecode(payloads[Next()], decoded);

    private int Next()
    {
        int current = frame;
        frame = current + 1 == SpeechLikeSignal.FramesPerSecond ? 0 : current + 1;
        return current;
    }
}
