namespace DeskPhone.Media.Tests;

/// <summary>
/// A marker to follow through the audio path: 10 ms of noise band-limited to 300–3300 Hz (so it
/// passes G.711, G.722 and the 8↔16 kHz resamplers alike) under a Hann window. Its
/// autocorrelation has one sharp peak, so where it comes out is found by cross-correlation to
/// the sample, whatever the codec did to its waveform; its centre is the marked sample.
/// </summary>
internal sealed class LatencyMarker
{
    /// <summary>
    /// The least correlation that counts as finding the marker. A copy delayed by a whole
    /// number of samples matches at 0.99 or more through G.711 and G.722; G.722 on an 8 kHz
    /// device delays it by 33.5 samples (resamplers and QMF filters), and the best whole-sample
    /// alignment of a half-sample shift matches at about 0.81. Two or more samples away from its
    /// place the marker matches below 0.4 (<see cref="LatencyMarkerTests"/>), so a match found
    /// is within a sample of where the marker is.
    /// </summary>
    public const double Found = 0.75;

    private readonly short[] _shape;

    public LatencyMarker(int sampleRate)
    {
        var random = new Random(4);
        int length = sampleRate / 100;
        var frequencies = new double[24];
        var phases = new double[frequencies.Length];
        for (int j = 0; j < frequencies.Length; j++)
        {
            frequencies[j] = 300 + (3000 * random.NextDouble());
            phases[j] = 2 * Math.PI * random.NextDouble();
        }

        _shape = new short[length];
        for (int i = 0; i < length; i++)
        {
            double sum = 0;
            for (int j = 0; j < frequencies.Length; j++)
            {
                sum += Math.Sin((2 * Math.PI * frequencies[j] * i / sampleRate) + phases[j]);
            }

            double window = 0.5 - (0.5 * Math.Cos(2 * Math.PI * (i + 0.5) / length));
            _shape[i] = (short)Math.Round(1500 * window * sum);
        }
    }

    /// <summary>Samples before the centre: the marker occupies [centre - HalfLength, centre + HalfLength).</summary>
    public int HalfLength => _shape.Length / 2;

    /// <summary>Writes the marker into <paramref name="signal"/> centred on sample <paramref name="centre"/>.</summary>
    public void Place(short[] signal, int centre) => _shape.CopyTo(signal, centre - HalfLength);

    /// <summary>
    /// Where the marker placed at <paramref name="centre"/> shows in <paramref name="signal"/>:
    /// the centre of the best match delayed by 0 to <paramref name="maxDelay"/> samples, and how
    /// well it matched (normalised correlation, 1 for an exact copy).
    /// </summary>
    public (int Centre, double Match) Find(ReadOnlySpan<short> signal, int centre, int maxDelay)
    {
        int best = -1;
        double bestMatch = double.NegativeInfinity;
        for (int delay = 0; delay <= maxDelay; delay++)
        {
            int start = centre - HalfLength + delay;
            if (start < 0 || start + _shape.Length > signal.Length)
            {
                continue;
            }

            double cross = 0;
            double energy = 0;
            double shapeEnergy = 0;
            for (int i = 0; i < _shape.Length; i++)
            {
                cross += (double)signal[start + i] * _shape[i];
                energy += (double)signal[start + i] * signal[start + i];
                shapeEnergy += (double)_shape[i] * _shape[i];
            }

            double match = energy == 0 ? 0 : cross / Math.Sqrt(energy * shapeEnergy);
            if (match > bestMatch)
            {
                bestMatch = match;
                best = centre + delay;
            }
        }

        return (best, bestMatch);
    }
}
