using System.Numerics;

namespace DeskPhone.Interop.Tests.Audio;

/// <summary>
/// In-place iterative radix-2 fast Fourier transform (Cooley–Tukey, decimation in time:
/// bit-reversal permutation, then log2(n) butterfly passes).
/// </summary>
internal static class Fft
{
    /// <summary>Transforms (re, im) in place; the length must be a power of two.</summary>
    public static void Forward(Span<double> re, Span<double> im)
    {
        var n = re.Length;
        if (im.Length != n || !BitOperations.IsPow2(n))
        {
            throw new ArgumentException("real and imaginary parts must have the same power-of-two length");
        }

        BitReverse(re, im);
        for (var length = 2; length <= n; length <<= 1)
        {
            var half = length / 2;
            var step = -2 * Math.PI / length;
            for (var k = 0; k < half; k++)
            {
                // The twiddle factor is computed directly rather than by recurrence so its error
                // does not grow with the transform length.
                var wRe = Math.Cos(step * k);
                var wIm = Math.Sin(step * k);
                for (var start = 0; start < n; start += length)
                {
                    var a = start + k;
                    var b = a + half;
                    var tRe = (re[b] * wRe) - (im[b] * wIm);
                    var tIm = (re[b] * wIm) + (im[b] * wRe);
                    re[b] = re[a] - tRe;
                    im[b] = im[a] - tIm;
                    re[a] += tRe;
                    im[a] += tIm;
                }
            }
        }
    }

    private static void BitReverse(Span<double> re, Span<double> im)
    {
        var n = re.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }
    }
}
