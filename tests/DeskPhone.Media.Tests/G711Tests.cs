using DeskPhone.Media.Codecs;

namespace DeskPhone.Media.Tests;

public sealed class G711Tests
{
    // ITU-T G.711 digital milliwatt: a 1 kHz sine at 0 dBm0 sampled at 22.5° + k·45°.
    private static readonly byte[] MuLawMilliwatt = [0x1E, 0x0B, 0x0B, 0x1E, 0x9E, 0x8B, 0x8B, 0x9E];
    private static readonly byte[] ALawMilliwatt = [0x34, 0x21, 0x21, 0x34, 0xB4, 0xA1, 0xA1, 0xB4];

    [Theory]
    [InlineData(0, 0xFF)]
    [InlineData(-1, 0x7F)]
    [InlineData(32767, 0x80)]
    [InlineData(-32768, 0x00)]
    [InlineData(-8, 0x7E)]
    public void MuLawEncode_KnownValues_GiveReferenceCodes(short sample, byte expected)
    {
        Assert.Equal(expected, G711MuLaw.Encode(sample));
    }

    [Theory]
    [InlineData(0xFF, 0)]
    [InlineData(0x7F, 0)]
    [InlineData(0x80, 32124)]
    [InlineData(0x00, -32124)]
    [InlineData(0x7E, -8)]
    public void MuLawDecode_KnownCodes_GiveReferenceValues(byte code, short expected)
    {
        Assert.Equal(expected, G711MuLaw.Decode(code));
    }

    [Theory]
    [InlineData(0, 0xD5)]
    [InlineData(-1, 0x55)]
    [InlineData(32767, 0xAA)]
    [InlineData(-32768, 0x2A)]
    public void ALawEncode_KnownValues_GiveReferenceCodes(short sample, byte expected)
    {
        Assert.Equal(expected, G711ALaw.Encode(sample));
    }

    [Theory]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    [InlineData(0xAA, 32256)]
    [InlineData(0x2A, -32256)]
    public void ALawDecode_KnownCodes_GiveReferenceValues(byte code, short expected)
    {
        Assert.Equal(expected, G711ALaw.Decode(code));
    }

    [Fact]
    public void Encode_DigitalMilliwatt_MatchesG711Sequences()
    {
        var samples = new short[8];
        for (int k = 0; k < samples.Length; k++)
        {
            samples[k] = (short)Math.Round(-23000 * Math.Sin(Math.PI / 8 + (k * Math.PI / 4)));
        }

        var muLaw = new byte[8];
        var aLaw = new byte[8];
        G711MuLaw.Encode(samples, muLaw);
        G711ALaw.Encode(samples, aLaw);

        Assert.Equal(MuLawMilliwatt, muLaw);
        Assert.Equal(ALawMilliwatt, aLaw);
    }

    [Fact]
    public void MuLaw_DecodeEncodeDecode_IsStableForAll256Codes()
    {
        for (int code = 0; code < 256; code++)
        {
            short decoded = G711MuLaw.Decode((byte)code);
            Assert.Equal(decoded, G711MuLaw.Decode(G711MuLaw.Encode(decoded)));
        }
    }

    [Fact]
    public void ALaw_DecodeEncodeDecode_IsStableForAll256Codes()
    {
        for (int code = 0; code < 256; code++)
        {
            short decoded = G711ALaw.Decode((byte)code);
            Assert.Equal(decoded, G711ALaw.Decode(G711ALaw.Encode(decoded)));

            // A-law has no negative zero, so every code is its own round trip.
            Assert.Equal((byte)code, G711ALaw.Encode(decoded));
        }
    }

    [Theory]
    [InlineData(AudioCodec.Pcmu)]
    [InlineData(AudioCodec.Pcma)]
    public void EncodeDecode_AllSixteenBitValues_IsMonotonicWithBoundedError(AudioCodec codec)
    {
        var samples = new short[65536];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(i - 32768);
        }

        var codes = new byte[samples.Length];
        var decoded = new short[samples.Length];
        G711.Encode(codec, samples, codes);
        G711.Decode(codec, codes, decoded);

        for (int i = 0; i < samples.Length; i++)
        {
            // The widest G.711 step is 1024 in 16-bit units; clipping adds under 650 at the ends.
            Assert.InRange(Math.Abs(decoded[i] - samples[i]), 0, 1024);
            if (i > 0)
            {
                Assert.True(decoded[i] >= decoded[i - 1], $"{codec} not monotonic at {samples[i]}");
            }
        }
    }

    [Fact]
    public void Encode_DestinationTooShort_Throws()
    {
        Assert.Throws<ArgumentException>(() => G711MuLaw.Encode(new short[4], new byte[3]));
        Assert.Throws<ArgumentException>(() => G711ALaw.Decode(new byte[4], new short[3]));
    }
}
