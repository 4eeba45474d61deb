namespace DeskPhone.Media.Tests;

/// <summary>Reproducible test signals for the codec checks: sweeps, noise, speech-like bursts and overloads.</summary>
internal static class TestSignals
{
    /// <summary>A logarithmic sine sweep from <paramref name="from"/> to <paramref name="to"/> Hz.</summary>
    public static short[] Sweep(int sampleRate, double seconds, double from, double to, double amplitude)
    {
        var samples = new short[(int)(sampleRate * seconds)];
        double growth = Math.Log(to / from);
        for (int i = 0; i < samples.Length; i++)
        {
            double t = (double)i / sampleRate;

            // Phase of a sweep whose frequency grows exponentially: integral of from * e^(growth t / T).
            double phase = 2 * Math.PI * from * seconds / growth * (Math.Exp(growth * t / seconds) - 1);
            samples[i] = (short)Math.Round(amplitude * Math.Sin(phase));
        }

        return samples;
    }

    /// <summary>White noise, uniform in ±<paramref name="amplitude"/>.</summary>
    public static short[] Noise(int sampleRate, double seconds, double amplitude, int seed)
    {
        var random = new Random(seed);
        var samples = new short[(int)(sampleRate * seconds)];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)Math.Round(amplitude * ((2 * random.NextDouble()) - 1));
        }

        return samples;
    }

    /// <summary>
    /// Speech-like: a glottal pulse train with a wandering pitch through two moving formant
    /// resonators, shaped into syllables of about 200 ms separated by pauses.
    /// </summary>
    public static short[] SpeechLike(int sampleRate, double seconds, int seed)
    {
        var random = new Random(seed);
        var samples = new short[(int)(sampleRate * seconds)];
        var first = new Resonator();
        var second = new Resonator();
        double pitchPhase = 0;
        double syllablePhase = 0;
        for (int i = 0; i < samples.Length; i++)
        {
            double t = (double)i / sampleRate;
            double pitch = 110 + (30 * Math.Sin(2 * Math.PI * 0.7 * t));
            pitchPhase += pitch / sampleRate;
            double excitation = 0;
            if (pitchPhase >= 1)
            {
                pitchPhase -= 1;
                excitation = 1;
            }

            excitation += 0.05 * ((2 * random.NextDouble()) - 1);
            double formant1 = 500 + (300 * Math.Sin(2 * Math.PI * 1.3 * t));
            double formant2 = 1500 + (700 * Math.Sin(2 * Math.PI * 0.9 * t));
            double voiced = first.Next(excitation, formant1, 80, sampleRate) + (0.5 * second.Next(excitation, formant2, 120, sampleRate));

            // Syllables at 3.5 Hz: a raised-sine envelope whose negative half is a pause.
            syllablePhase += 3.5 / sampleRate;
            double envelope = Math.Max(0, Math.Sin(2 * Math.PI * syllablePhase));
            samples[i] = (short)Math.Clamp(Math.Round(3000 * envelope * voiced), short.MinValue, short.MaxValue);
        }

        return samples;
    }

    /// <summary>
    /// Overload: a full-scale square wave with steps between extremes, which drives every
    /// saturation and limit of an ADPCM coder.
    /// </summary>
    public static short[] Overload(int sampleRate, double seconds)
    {
        var samples = new short[(int)(sampleRate * seconds)];
        for (int i = 0; i < samples.Length; i++)
        {
            int period = 7 + ((i / 997) % 40);
            samples[i] = (i / period) % 2 == 0 ? short.MaxValue : short.MinValue;
        }

        return samples;
    }

    /// <summary>Two-pole resonator: a formant of given centre frequency and bandwidth.</summary>
    private sealed class Resonator
    {
        private double _y1;
        private double _y2;

        public double Next(double x, double frequency, double bandwidth, int sampleRate)
        {
            double r = Math.Exp(-Math.PI * bandwidth / sampleRate);
            double y = x + (2 * r * Math.Cos(2 * Math.PI * frequency / sampleRate) * _y1) - (r * r * _y2);
            _y2 = _y1;
            _y1 = y;
            return y * (1 - r);
        }
    }
}
