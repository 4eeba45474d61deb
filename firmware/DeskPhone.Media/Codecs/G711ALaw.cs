using System.Numerics;

namespace DeskPhone.Media.Codecs;

/// <summary>
/// ITU-T G.711 A-law companding, computed from the segment/mantissa definition of the
/// recommendation rather than from tables. A-law works on a 13-bit linear value, so the 16-bit
/// samples of the audio path are shifted right by 3 on encode and left by 3 on decode.
/// </summary>
internal static class G711ALaw
{
    // G.711 A-law inverts the even bits of every code on the line.
    private const int EvenBitInversion = 0x55;

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
        int linear = sample >> 3;

        // A-law has no zero level: the decision thresholds are symmetric around zero, so in
        // two's complement a negative value v belongs to the same interval as the magnitude ~v.
        int sign = linear >= 0 ? 0x80 : 0x00;
        int magnitude = linear >= 0 ? linear : ~linear;

        // Segments 0 and 1 share a step of 2; from segment 1 on each segment doubles the step
        // and starts at 32 << (segment - 1).
        int segment = magnitude < 32 ? 0 : BitOperations.Log2((uint)magnitude) - 4;
        int mantissa = segment == 0 ? magnitude >> 1 : (magnitude >> segment) & 0x0F;
        return (byte)((sign | (segment << 4) | mantissa) ^ EvenBitInversion);
    }

    public static short Decode(byte code)
    {
        int bits = code ^ EvenBitInversion;
        int segment = (bits >> 4) & 0x07;
        int mantissa = bits & 0x0F;

        // Reconstruction level is the middle of the quantisation interval.
        int magnitude = segment == 0
            ? (mantissa << 1) + 1
            : ((mantissa << 1) + 33) << (segment - 1);
        int linear = magnitude << 3;
        return (short)((bits & 0x80) != 0 ? linear : -linear);
    }
}
