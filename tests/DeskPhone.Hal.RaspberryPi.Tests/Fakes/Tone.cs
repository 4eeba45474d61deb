namespace DeskPhone.Hal.RaspberryPi.Tests;

/// <summary>Makes and measures test tones.</summary>
internal static class Tone
{
    public static short[] Sine(double hz, int sampleRate, int count, double amplitude = 8000) =>
        [.. Enumerable.Range(0, count).Select(i => (short)(amplitude * Math.Sin(2 * Math.PI * hz * i / sampleRate)))];

    /// <summary>The frequency, in 10 Hz steps, with the most energy (a Goertzel filter per step).</summary>
    public static int DominantFrequency(ReadOnlySpan<short> samples, int sampleRate)
    {
        int best = 0;
        double bestPower = -1;
        for (int hz = 50; hz < sampleRate / 2; hz += 10)
        {
            double coefficient = 2 * Math.Cos(2 * Math.PI * hz / sampleRate);
            double previous = 0, beforePrevious = 0;
            foreach (short sample in samples)
            {
                double current = sample + (coefficient * previous) - beforePrevious;
                beforePrevious = previous;
                previous = current;
            }

            double power = (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
            if (power > bestPower)
            {
                bestPower = power;
                best = hz;
            }
        }

        return best;
    }

    public static short[] ReadRaw(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var samples = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 2);
        return samples;
    }

    public static void WriteRaw(string path, short[] samples)
    {
        var bytes = new byte[samples.Length * 2];
        Buffer.BlockCopy(samples, 0, bytes, 0, bytes.Length);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>The longest run of zero samples starting at or after <paramref name="from"/>: (start, length).</summary>
    public static (int Start, int Length) LongestSilence(short[] samples, int from)
    {
        (int Start, int Length) best = (-1, 0);
        int run = 0;
        for (int i = from; i < samples.Length; i++)
        {
            run = samples[i] == 0 ? run + 1 : 0;
            if (run > best.Length)
            {
                best = (i - run + 1, run);
            }
        }

        return best;
    }
}
