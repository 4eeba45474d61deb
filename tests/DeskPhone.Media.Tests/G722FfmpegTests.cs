using DeskPhone.Media.Codecs;

namespace DeskPhone.Media.Tests;

/// <summary>Our G.722 against ffmpeg's, an independent implementation: identical octets and identical samples.</summary>
public sealed class G722FfmpegTests(G722Reference reference) : IClassFixture<G722Reference>
{
    public static TheoryData<string> SignalNames => G722Reference.SignalNames;

    private static byte[] EncodeOurs(short[] samples)
    {
        var codes = new byte[samples.Length / 2];
        new G722Encoder().Encode(samples, codes);
        return codes;
    }

    private static short[] DecodeOurs(byte[] codes)
    {
        var samples = new short[codes.Length * 2];
        new G722Decoder().Decode(codes, samples);
        return samples;
    }

    [Theory]
    [MemberData(nameof(SignalNames))]
    public void Encoder_OnSignal_ProducesFfmpegsOctets(string signal)
    {
        byte[] ours = EncodeOurs(reference.Signals[signal]);

        Identical.Assert(reference.Encoded[signal], ours, $"G.722 octets of {signal}");
    }

    [Theory]
    [MemberData(nameof(SignalNames))]
    public void Decoder_OnFfmpegsBitstream_ProducesFfmpegsSamples(string signal)
    {
        short[] ours = DecodeOurs(reference.Encoded[signal]);

        Identical.Assert(reference.Decoded[signal], ours, $"G.722 samples of {signal}");
    }

    [Fact]
    public void Decoder_OnRandomOctets_ProducesFfmpegsSamples()
    {
        short[] ours = DecodeOurs(reference.RandomOctets);

        Identical.Assert(reference.RandomOctetsDecoded, ours, "G.722 samples of random octets");
    }
}
