using DeskPhone.Hal;
using DeskPhone.Media.Codecs;
using Xunit.Abstractions;

namespace DeskPhone.Media.Tests;

/// <summary>
/// Our Opus against ffmpeg's libopus, an independent encoder and decoder, in both directions,
/// on wideband speech-like audio and a tone, on each implementation the phone may run: the
/// system's libopus through our binding (native) and Concentus (managed).
/// <para>
/// Opus is a perceptual codec: it keeps the spectrum, not every sample, so a waveform SNR far
/// below G.711's 38 dB is normal. The thresholds separate working from broken: a wrong sample
/// rate, frame size, channel count, pre-skip or byte order gives 0 dB or below. Measured here:
/// a 440 Hz tone 24 dB (Concentus → ffmpeg), 30 dB (native → ffmpeg) and 40 dB (ffmpeg → ours),
/// hence 20 dB; the speech-like signal, which SILK codes by its spectral envelope and pitch
/// rather than its waveform, 8.6 dB both ways, hence 6 dB.
/// </para>
/// </summary>
public sealed class OpusFfmpegTests(ITestOutputHelper output)
{
    private const int Rate = 16000;
    private const int FrameSamples = 320;

    private static readonly AudioFormat Format = new(Rate, FrameSamples);

    /// <summary>The signal, its threshold, and the implementation (<see cref="OpusLibrary"/>) on our side.</summary>
    public static TheoryData<string, double, string> Signals => new()
    {
        { "speech", 6, nameof(OpusLibrary.Native) },
        { "tone", 20, nameof(OpusLibrary.Native) },
        { "speech", 6, nameof(OpusLibrary.Managed) },
        { "tone", 20, nameof(OpusLibrary.Managed) },
    };

    private static OpusLibrary Library(string name)
    {
        OpusLibrary library = Enum.Parse<OpusLibrary>(name);
        if (library == OpusLibrary.Native)
        {
            OpusAudio.RequireNative();
        }

        return library;
    }

    private static short[] Signal(string name) => name switch
    {
        "speech" => TestSignals.SpeechLike(Rate, 2, seed: 7),
        _ => [.. Enumerable.Range(0, 2 * Rate).Select(i => (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / Rate)))],
    };

    [Theory]
    [MemberData(nameof(Signals))]
    public void Ffmpeg_DecodesOurOpusStream(string name, double minimumSnrDb, string library)
    {
        short[] signal = Signal(name);
        var encoder = new FrameEncoder(AudioCodec.Opus, Format, Library(library));
        var packets = new List<byte[]>();
        var payload = new byte[encoder.MaxPayloadBytes];
        for (int offset = 0; offset + FrameSamples <= signal.Length; offset += FrameSamples)
        {
            int length = encoder.Encode(signal.AsSpan(offset, FrameSamples), payload);
            packets.Add(payload[..length]);
        }

        byte[] ogg = OggOpus.Write(packets, Rate, preSkip: 0);
        byte[][] outputs = Ffmpeg.Run([new Ffmpeg.Conversion(ogg, "-f ogg", "-ar 16000 -ac 1 -f s16le")]);
        short[] decoded = Pcm.FromBytes(outputs[0]);

        double snr = OpusAudio.AlignedSnrDb(signal, decoded, Rate);
        output.WriteLine($"{name}: ffmpeg decoding ours ({library}), SNR {snr:F1} dB, {packets.Average(packet => packet.Length):F0} octets per packet");
        Assert.True(snr > minimumSnrDb, $"{snr:F1} dB");
    }

    [Theory]
    [MemberData(nameof(Signals))]
    public void We_DecodeFfmpegsOpusStream(string name, double minimumSnrDb, string library)
    {
        short[] signal = Signal(name);
        OpusLibrary ours = Library(library);
        byte[][] outputs = Ffmpeg.Run([new Ffmpeg.Conversion(
            Pcm.ToBytes(signal),
            $"-f s16le -ar {Rate} -ac 1",
            "-c:a libopus -b:a 32k -frame_duration 20 -application voip -f ogg")]);
        List<byte[]> packets = OggOpus.ReadPackets(outputs[0]);
        var decoder = new FrameDecoder(AudioCodec.Opus, Format, ours);
        var decoded = new short[packets.Count * FrameSamples];
        for (int i = 0; i < packets.Count; i++)
        {
            Assert.True(decoder.TryDecode(packets[i], decoded.AsSpan(i * FrameSamples, FrameSamples)), $"packet {i}");
        }

        double snr = OpusAudio.AlignedSnrDb(signal, decoded, Rate);
        output.WriteLine($"{name}: ours ({library}) decoding ffmpeg's, SNR {snr:F1} dB, pre-skip {OggOpus.PreSkip(outputs[0])}");
        Assert.True(snr > minimumSnrDb, $"{snr:F1} dB");
    }
}
