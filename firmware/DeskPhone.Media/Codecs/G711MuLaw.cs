using System.Numerics;

namespace DeskPhone.Media.Codecs;

/// <summary>
/// ITU-T G.711 μ-law companding, computed from the segment/mantissa definition of the
/// recommendation rather than from tables. μ-law works on a 14-bit linear magnitude, so the
/// 16-bit samples of the audio path are shifted right by 2 on encode and left by 2 on decode.
/// </summary>
internal static class G711MuLaw
{
    // G.711 μ-law adds a bias of 33 (in 14-bit units) so every segment starts at a power of two;
    // the largest encodable magnitude is 8191 - 33 = 8158 (the "clip" level).
    private const int Bias = 33;
    private const int Clip = 8158;

    /// <summary>Encodes samples one to one. REAL-TIME: no allocation, no lock, no logging.</summary>
    public static void Encode(ReadOnlySpan<short> samples, Span<byte> codes)
    {
        if (codes.Length < samples.Length)
        {
            throw new ArgumentException("Destination shorter than source.", nameof(codes));
        }

        for (int i = 0; i < samples.Length; i++)
        {
            codes[i] = Encode(samples[i]);
        }
    }

    /// <summary>Decodes codes one to one. REAL-TIME: no allocation, no lock, no logging.</summary>
    public static void Decode(ReadOnlySpan<byte> codes, Span<short> samples)
    {
        if (samples.Length < codes.Length)
        {
            throw new ArgumentException("Destination shorter than source.", nameof(samples));
        }

        for (int i = 0; i < codes.Length; i++)
        {
            samples[i] = Decode(codes[i]);
        }
    }

    public static byte Encode(short sample)
    {
        // The quantiser is symmetric around zero, so in two's complement a negative sample v
        // belongs to the same interval as the magnitude ~v (= -v - 1); then drop to 14 bits.
        int sign = sample < 0 ? 0x80 : 0x00;
        int magnitude = Math.Min((sample < 0 ? ~sample : sample) >> 2, Clip) + Bias;

        // The biased magnitude lies in [33, 8191]: its top set bit (5..12) selects the segment,
        // and the four bits below it are the mantissa.
        int segment = BitOperations.Log2((uint)magnitude) - 5;
        int mantissa = (magnitude >> (segment + 1)) & 0x0F;

        // G.711 transmits μ-law codes with all bits inverted.
        return (byte)~(sign | (segment << 4) | mantissa);
    }

    public static short Decode(byte code)
    {
        int bits = ~code & 0xFF;
        int segment = (bits >> 4) & 0x07;
        int mantissa = bits & 0x0F;

        // Reconstruction level is the middle of the quantisation interval, minus the bias.
        int magnitude = (((mantissa << 1) + Bias) << segment) - Bias;
        int linear = magnitude << 2;
        return (short)((bits & 0x80) != 0 ? -linear : linear);
    }
}
