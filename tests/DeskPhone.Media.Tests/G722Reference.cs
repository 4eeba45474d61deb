namespace DeskPhone.Media.Tests;

/// <summary>
/// ffmpeg's G.722 encoding of every test signal and its decoding of those bitstreams and of
/// random octets, computed once per test class in two ffmpeg runs.
/// </summary>
public sealed class G722Reference
{
    public const int SampleRate = 16000;

    public G722Reference()
    {
        Signals = new Dictionary<string, short[]>
        {
            ["sweep"] = TestSignals.Sweep(SampleRate, 3, 50, 7900, 20000),
            ["noise"] = TestSignals.Noise(SampleRate, 2, 12000, seed: 7),
            ["speech"] = TestSignals.SpeechLike(SampleRate, 3, seed: 11),
            ["overload"] = TestSignals.Overload(SampleRate, 2),
            ["quiet"] = TestSignals.Noise(SampleRate, 1, 40, seed: 3),
        };

        // Every octet value, unused lower-band codes 0-3 included, in a random order.
        RandomOctets = new byte[16000];
        new Random(5).NextBytes(RandomOctets);

        string[] names = [.. Signals.Keys];
        byte[][] encoded = Ffmpeg.Run([.. names.Select(name => Ffmpeg.Encode(Signals[name], SampleRate, "g722", "g722"))]);
        Encoded = names.Zip(encoded).ToDictionary(pair => pair.First, pair => pair.Second);

        byte[][] decoded = Ffmpeg.Run([.. encoded.Append(RandomOctets).Select(bitstream => Ffmpeg.Decode(bitstream, "-f g722"))]);
        Decoded = names.Zip(decoded).ToDictionary(pair => pair.First, pair => Pcm.FromBytes(pair.Second));
        RandomOctetsDecoded = Pcm.FromBytes(decoded[^1]);
    }

    public static TheoryData<string> SignalNames => ["sweep", "noise", "speech", "overload", "quiet"];

    public IReadOnlyDictionary<string, short[]> Signals { get; }

    /// <summary>ffmpeg's G.722 bitstream of each signal.</summary>
    public IReadOnlyDictionary<string, byte[]> Encoded { get; }

    /// <summary>ffmpeg's decoding of its own bitstream of each signal.</summary>
    public IReadOnlyDictionary<string, short[]> Decoded { get; }

    public byte[] RandomOctets { get; }

    public short[] RandomOctetsDecoded { get; }
}
