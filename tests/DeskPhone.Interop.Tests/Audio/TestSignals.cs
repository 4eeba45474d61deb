namespace DeskPhone.Interop.Tests.Audio;

/// <summary>Synthetic 16-bit signals for the audio-analysis tests.</summary>
internal static class TestSignals
{
    public static short[] Sine(double hz, int sampleRate, double seconds, double amplitude = 0.5)
    {
        var samples = new short[(int)(sampleRate * seconds)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)Math.Round(amplitude * 32767 * Math.Sin(2 * Math.PI * hz * i / sampleRate));
        }

        return samples;
    }

    public static short[] Silence(int sampleRate, double seconds) => new short[(int)(sampleRate * seconds)];

    /// <summary>Uniform white noise with a fixed seed so the tests are repeatable.</summary>
    public static short[] Noise(int sampleRate, double seconds, double amplitude, int seed = 1234)
    {
        var random = new Random(seed);
        var samples = new short[(int)(sampleRate * seconds)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)Math.Round(amplitude * 32767 * ((random.NextDouble() * 2) - 1));
        }

        return samples;
    }

    public static short[] Concat(params short[][] parts) => parts.SelectMany(p => p).ToArray();

    public static short[] Mix(short[] a, short[] b)
    {
        var mixed = new short[Math.Min(a.Length, b.Length)];
        for (var i = 0; i < mixed.Length; i++)
        {
            mixed[i] = (short)Math.Clamp(a[i] + b[i], short.MinValue, short.MaxValue);
        }

        return mixed;
    }
}
