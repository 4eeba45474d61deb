namespace DeskPhone.Media.Codecs;

/// <summary>
/// The 24-tap quadrature mirror filters of G.722: analysis splits 16 kHz audio into a lower and
/// a higher 8 kHz sub-band, synthesis merges them back. One instance keeps one direction's
/// delay lines.
/// </summary>
internal sealed class G722Qmf
{
    private const int Taps = 24;

    // Delay lines, newest first: input samples for analysis; for synthesis the difference and
    // sum signals, one entry per sub-band sample.
    private readonly DelayLine _input = new(Taps);
    private readonly DelayLine _differences = new(Taps / 2);
    private readonly DelayLine _sums = new(Taps / 2);

    /// <summary>
    /// Transmit QMF: takes the next two input samples (older first) and gives one sample of
    /// each sub-band: x_A is the even taps over the newest samples, x_B the odd taps, x_L = x_A + x_B,
    /// x_H = x_A - x_B. REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public void Analyse(short older, short newer, out int lower, out int higher)
    {
        _input.Push(older);
        _input.Push(newer);
        ReadOnlySpan<int> x = _input.Newest;

        ReadOnlySpan<int> h = G722Tables.Qmf;
        int even = 0;
        int odd = 0;
        for (int i = 0; i < Taps; i += 2)
        {
            even += h[i] * x[i];
            odd += h[i + 1] * x[i + 1];
        }

        // The coefficients carry 2^13; one more bit halves the 16-bit input, so that a
        // full-scale sine gives sub-band samples within the 15 bits the decoder limits to.
        lower = (even + odd) >> 14;
        higher = (even - odd) >> 14;
    }

    /// <summary>
    /// Receive QMF: takes one reconstructed sample of each sub-band and gives the next two
    /// output samples, older first. REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public void Synthesise(int lower, int higher, out short first, out short second)
    {
        _differences.Push(lower - higher);
        _sums.Push(lower + higher);
        ReadOnlySpan<int> differences = _differences.Newest;
        ReadOnlySpan<int> sums = _sums.Newest;

        ReadOnlySpan<int> h = G722Tables.Qmf;
        int fromDifferences = 0;
        int fromSums = 0;
        for (int i = 0; i < Taps / 2; i++)
        {
            fromDifferences += h[2 * i] * differences[i];
            fromSums += h[(2 * i) + 1] * sums[i];
        }

        // The recommendation doubles both sums, and the analysis halved the signal: with 2^13
        // coefficients that is a shift by 13 - 2.
        first = (short)G722Band.Saturate(fromDifferences >> 11);
        second = (short)G722Band.Saturate(fromSums >> 11);
    }

    /// <summary>Makes this filter pair's delay lines a copy of <paramref name="source"/>'s. REAL-TIME: no allocation, no lock, no logging.</summary>
    public void CopyFrom(G722Qmf source)
    {
        _input.CopyFrom(source._input);
        _differences.CopyFrom(source._differences);
        _sums.CopyFrom(source._sums);
    }

    /// <summary>
    /// The last <c>length</c> values, newest first, without shifting: each value is stored twice,
    /// <c>length</c> apart, so the window starting at the newest is always contiguous.
    /// </summary>
    private sealed class DelayLine
    {
        private readonly int[] _values;
        private readonly int _length;
        private int _newest;

        public DelayLine(int length)
        {
            _values = new int[2 * length];
            _length = length;
            _newest = length;
        }

        public ReadOnlySpan<int> Newest => _values.AsSpan(_newest, _length);

        public void CopyFrom(DelayLine source)
        {
            source._values.CopyTo(_values, 0);
            _newest = source._newest;
        }

        public void Push(int value)
        {
            _newest = (_newest == 0 ? _length : _newest) - 1;
            _values[_newest] = value;
            _values[_newest + _length] = value;
        }
    }
}
