namespace DeskPhone.Media.Tests;

/// <summary>Measures what a tone generator produced: its on/off cadence and its strongest frequencies.</summary>
internal static class ToneAnalysis
{
    /// <summary>Sample magnitude above which a millisecond counts as sounding.</summary>
    private const int Threshold = 300;

    /// <summary>
    /// Silences shorter than this are part of a burst: the envelope of two close frequencies
    /// beats through zero (440 + 480 Hz every 25 ms), and no cadence pauses this briefly.
    /// </summary>
    private const int ShortestPauseMilliseconds = 10;

    /// <summary>
    /// The lengths in milliseconds of the alternating sounding and silent runs, starting with a
    /// sounding one; a millisecond sounds if any of its samples exceeds the threshold.
    /// </summary>
    public static List<int> Runs(ReadOnlySpan<short> samples, int sampleRate)
    {
        int perMillisecond = sampleRate / 1000;
        var runs = new List<int>();
        bool current = true;
        int length = 0;
        for (int start = 0; start + perMillisecond <= samples.Length; start += perMillisecond)
        {
            bool sounding = false;
            for (int i = start; i < start + perMillisecond; i++)
            {
                sounding |= Math.Abs((int)samples[i]) > Threshold;
            }

            if (sounding != current)
            {
                runs.Add(length);
                current = sounding;
                length = 0;
            }

            length++;
        }

        runs.Add(length);
        return MergeShortPauses(runs);
    }

    private static List<int> MergeShortPauses(List<int> runs)
    {
        var merged = new List<int> { runs[0] };
        for (int i = 1; i < runs.Count; i += 2)
        {
            bool beat = runs[i] < ShortestPauseMilliseconds && i + 1 < runs.Count;
            if (beat)
            {
                merged[^1] += runs[i] + runs[i + 1];
            }
            else
            {
                merged.Add(runs[i]);
                if (i + 1 < runs.Count)
                {
                    merged.Add(runs[i + 1]);
                }
            }
        }

        return merged;
    }

    /// <summary>
    /// The strongest frequency between <paramref name="from"/> and <paramref name="to"/> Hz (1 Hz
    /// steps) and the strongest outside the first one's main lobe and near side lobes (four
    /// resolution bins, at least 20 Hz), with their amplitudes.
    /// </summary>
    public static ((int Hz, double Amplitude) First, (int Hz, double Amplitude) Second) TwoPeaks(
        ReadOnlySpan<short> samples, int sampleRate, int from, int to)
    {
        int separation = Math.Max(20, 4 * sampleRate / samples.Length);
        var spectrum = new double[to + 1];
        for (int hz = from; hz <= to; hz++)
        {
            spectrum[hz] = Signal.Amplitude(samples, hz, sampleRate);
        }

        int first = from;
        for (int hz = from; hz <= to; hz++)
        {
            first = spectrum[hz] > spectrum[first] ? hz : first;
        }

        int second = first == from ? to : from;
        for (int hz = from; hz <= to; hz++)
        {
            if (Math.Abs(hz - first) >= separation && spectrum[hz] > spectrum[second])
            {
                second = hz;
            }
        }

        return ((first, spectrum[first]), (second, spectrum[second]));
    }
}
