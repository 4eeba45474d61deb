namespace DeskPhone.Media.Tests;

/// <summary>Test signals and a Goertzel detector to measure them.</summary>
internal static class Signal
{
    public const int SampleRate = 8000;
    public const int FrameSamples = 160;

    /// <summary>Fills a frame of a sine that continues from sample index <paramref name="start"/>.</summary>
    public static short[] SineFrame(double frequency, double amplitude, int start)
    {
        var frame = new short[FrameSamples];
        for (int i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * (start + i) / SampleRate));
        }

        return frame;
    }

    /// <summary>Amplitude of the <paramref name="frequency"/> component (Goertzel algorithm).</summary>
    public static double Amplitude(ReadOnlySpan<short> samples, double frequency)
    {
        double coefficient = 2 * Math.Cos(2 * Math.PI * frequency / SampleRate);
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
