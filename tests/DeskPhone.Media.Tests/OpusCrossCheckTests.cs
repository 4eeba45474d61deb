using DeskPhone.Media.Codecs;
using Xunit.Abstractions;

namespace DeskPhone.Media.Tests;

/// <summary>
/// The two implementations the phone may run Opus on, libopus (native) and Concentus
/// (managed), each decode the other's packets: a call works whichever of them either phone has.
/// Each is measured against the original and against the encoder's own implementation decoding
/// the same packets.
/// <para>
/// Measured: the 440 Hz tone 23.9 dB (Concentus encoding) and 30.1 dB (libopus encoding), the
/// speech-like signal 8.6 and 8.7 dB, whichever decodes, hence 15 and 6 dB as in
/// <see cref="OpusFfmpegTests"/>; the two decoders agree on the same packets to 79-120 dB (a
/// sample off by one here and there: Concentus is a port of the same reference code), hence
/// 40 dB, far above what a misread packet would give.
/// </para>
/// </summary>
public sealed class OpusCrossCheckTests(ITestOutputHelper output)
{
    private const int Rate = 16000;
    private const int FrameSamples = 320;

    /// <summary>Which implementation encodes (the other decodes), and the signal.</summary>
    public static TheoryData<string, string> Pairs => new()
    {
        { nameof(OpusLibrary.Managed), "speech" },
        { nameof(OpusLibrary.Native), "speech" },
        { nameof(OpusLibrary.Managed), "tone" },
        { nameof(OpusLibrary.Native), "tone" },
    };

    private static short[] Signal(string name) => name == "speech"
        ? TestSignals.SpeechLike(Rate, 2, seed: 7)
        : [.. Enumerable.Range(0, 2 * Rate).Select(i => (short)Math.Round(8000 * Math.Sin(2 * Math.PI * 440 * i / Rate)))];

    [Theory]
    [MemberData(nameof(Pairs))]
    public void PacketsOfOneImplementation_DecodeOnTheOther(string encoder, string name)
    {
        OpusAudio.RequireNative();
        OpusLibrary encoderLibrary = Enum.Parse<OpusLibrary>(encoder);
        OpusLibrary decoderLibrary = encoderLibrary == OpusLibrary.Native ? OpusLibrary.Managed : OpusLibrary.Native;
        short[] signal = Signal(name);
        List<byte[]> packets = OpusAudio.Encode(OpusCodec.CreateEncoder(Rate, encoderLibrary), signal, FrameSamples);

        short[] crossed = OpusAudio.Decode(OpusCodec.CreateDecoder(Rate, decoderLibrary), packets, FrameSamples);
        short[] own = OpusAudio.Decode(OpusCodec.CreateDecoder(Rate, encoderLibrary), packets, FrameSamples);

        double snr = OpusAudio.AlignedSnrDb(signal, crossed, Rate);
        double ownSnr = OpusAudio.AlignedSnrDb(signal, own, Rate);
        double agreement = OpusAudio.SnrDb(own, crossed);
        output.WriteLine($"{name}, {encoderLibrary} → {decoderLibrary}: SNR {snr:F1} dB ({encoderLibrary} → {encoderLibrary}: {ownSnr:F1} dB), the two decoders agree to {agreement:F1} dB");
        Assert.True(snr > (name == "speech" ? 6 : 15), $"{snr:F1} dB");
        Assert.True(agreement > 40, $"{agreement:F1} dB");
    }
}
