namespace DeskPhone.Media.Tests;

/// <summary>Test signals and a Goertzel detector to measure them.</summary>
internal static class Signal
{
    public const int SampleRate = 8000;
    public const int FrameSamples = 160;

    /// <summary>Fills an 8 kHz frame of a sine that continues from sample index <paramref name="start"/>.</summary>
    public static short[] SineFrame(double frequency, double amplitude, int start) =>
        SineFrame(frequency, amplitude, start, SampleRate);

    /// <summary>Fills a 20 ms frame at <paramref name="sampleRate"/> of a sine that continues from sample index <paramref name="start"/>.</summary>
    public static short[] SineFrame(double frequency, double amplitude, int start, int sampleRate)
    {
        var frame = new short[sampleRate / 50];
        for (int i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * (start + i) / sampleRate));
        }

        return frame;
    }

    /// <summary>Amplitude of the <paramref name="frequency"/> component at 8 kHz (Goertzel algorithm).</summary>
    public static double Amplitude(ReadOnlySpan<short> samples, double frequency) => Amplitude(samples, frequency, SampleRate);

    /// <summary>Amplitude of the <paramref name="frequency"/> component at <paramref name="sampleRate"/> (Goertzel algorithm).</summary>
    public static double Amplitude(ReadOnlySpan<short> samples, double frequency, int sampleRate)
    {
        double coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double previous = 0;
        double beforePrevious = 0;
        foreach (short sample in samples)
        {
            double current = sample + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        double power = (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
        return 2 * Math.Sqrt(Math.Max(power, 0)) / samples.Length;
    }
}
