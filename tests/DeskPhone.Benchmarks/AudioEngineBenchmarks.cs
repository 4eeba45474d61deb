using BenchmarkDotNet.Attributes;
using DeskPhone.Hal;
using DeskPhone.Media;

namespace DeskPhone.Benchmarks;

/// <summary>
/// What <see cref="AudioEngine.RenderPlayback"/> adds per 20 ms frame around the stream's
/// playout (<see cref="PipelineBenchmarks"/> measures the stream's part): the tone and key-press
/// checks, the key-tone mixer and the earpiece volume at a step other than unity gain, so the
/// gain loop runs. Without a stream attached (an <see cref="RtpStream"/> needs sockets) the
/// engine clears the frame where it would read the stream, and it mixes no sidetone, which
/// needs a stream: that is one more loop over the frame of the same shape as the gain.
/// </summary>
[MemoryDiagnoser]
public class AudioEngineBenchmarks
{
    private AudioEngine engine = null!;
    private short[] earpiece = null!;

    /// <summary>The device's rate: 8 kHz (the simulator's), 16 kHz (the Pi's) or 48 kHz (USB handsets; includes the 16→48 kHz conversion of the playout frame).</summary>
    [Params(8000, 16000, 48000)]
    public int SampleRate { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        engine = new AudioEngine(new AudioFormat(SampleRate, SampleRate / 50));
        engine.SetEarpieceVolume(AudioEngine.DefaultVolume + 1);
        earpiece = new short[SampleRate / 50];
    }

    [Benchmark]
    public void RenderWithVolume() => engine.RenderPlayback(earpiece);
}
