using System.Numerics;

namespace DeskPhone.Interop.Tests.Audio;

/// <summary>
/// Power spectrum of one analysis frame: mean removed, Hann-windowed, zero-padded to a power of two.
/// The Hann window keeps a pure tone's energy within ±2 bins of its peak (main lobe half-width
/// is 2 bins, side lobes fall off at 18 dB/octave), which is what <see cref="PowerAround"/> relies on.
/// </summary>
internal sealed class FrameSpectrum
{
    /// <summary>Bins this close to DC are ignored: mean removal and windowing leave residue there.</summary>
    private const int FirstUsableBin = 2;

    private readonly double[] _power;

    private FrameSpectrum(double[] power, double binHz)
    {
        _power = power;
        BinHz = binHz;
        for (var k = FirstUsableBin; k < power.Length; k++)
        {
            TotalPower += power[k];
        }
    }

    /// <summary>Width of one bin in Hz.</summary>
    public double BinHz { get; }

    /// <summary>Sum of the power of all usable bins.</summary>
    public double TotalPower { get; }

    public static FrameSpectrum Compute(ReadOnlySpan<short> frame, int sampleRate)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(frame.Length, 4));
        var re = new double[size];
        var im = new double[size];

        double mean = 0;
        foreach (var s in frame)
        {
            mean += s;
        }

        mean /= Math.Max(frame.Length, 1);
        var denominator = Math.Max(frame.Length - 1, 1);
        for (var i = 0; i < frame.Length; i++)
        {
            var hann = 0.5 - (0.5 * Math.Cos(2 * Math.PI * i / denominator));
            re[i] = (frame[i] - mean) * hann;
        }

        Fft.Forward(re, im);
        var power = new double[(size / 2) + 1];
        for (var k = 0; k < power.Length; k++)
        {
            power[k] = (re[k] * re[k]) + (im[k] * im[k]);
        }

        return new FrameSpectrum(power, (double)sampleRate / size);
    }

    /// <summary>
    /// The strongest bin between the two frequencies (inclusive) that is the top of a peak (not lower
    /// than either neighbour, which may lie outside the range), or -1 if there is none. Requiring a top
    /// keeps the slope of a stronger tone just outside the range from being taken for a tone inside it.
    /// </summary>
    public int StrongestPeak(double fromHz, double toHz)
    {
        var from = Math.Max(FirstUsableBin, (int)Math.Floor(fromHz / BinHz));
        var to = Math.Min(_power.Length - 1, (int)Math.Ceiling(toHz / BinHz));
        var best = -1;
        for (var k = from; k <= to; k++)
        {
            var isTop = _power[k] >= _power[k - 1] && (k == _power.Length - 1 || _power[k] >= _power[k + 1]);
            if (isTop && (best < 0 || _power[k] > _power[best]))
            {
                best = k;
            }
        }

        return best;
    }

    /// <summary>
    /// Frequency of the peak at <paramref name="bin"/>, refined by fitting a parabola through the log
    /// power of the bin and its neighbours (for a Hann window the log-magnitude main lobe is close to a
    /// parabola, so the error is a small fraction of a bin).
    /// </summary>
    public double InterpolatedFrequency(int bin)
    {
        if (bin <= 0 || bin >= _power.Length - 1)
        {
            return bin * BinHz;
        }

        var left = Math.Log(_power[bin - 1] + double.Epsilon);
        var centre = Math.Log(_power[bin] + double.Epsilon);
        var right = Math.Log(_power[bin + 1] + double.Epsilon);
        var curvature = left - (2 * centre) + right;
        var shift = curvature == 0 ? 0 : 0.5 * (left - right) / curvature;
        return (bin + Math.Clamp(shift, -0.5, 0.5)) * BinHz;
    }

    /// <summary>Power in the bins within <paramref name="halfWidth"/> bins of <paramref name="bin"/>.</summary>
    public double PowerAround(int bin, int halfWidth)
    {
        var from = Math.Max(FirstUsableBin, bin - halfWidth);
        var to = Math.Min(_power.Length - 1, bin + halfWidth);
        double sum = 0;
        for (var k = from; k <= to; k++)
        {
            sum += _power[k];
        }

        return sum;
    }
}
