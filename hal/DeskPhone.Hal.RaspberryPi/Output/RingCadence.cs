namespace DeskPhone.Hal.RaspberryPi;

/// <summary>A ring pattern: sound and silence alternating, starting with sound, repeated.</summary>
internal sealed class RingCadence
{
    private readonly int[] _milliseconds;

    /// <param name="milliseconds">On, off, on, off… (validated: an even count, each positive).</param>
    public RingCadence(IReadOnlyList<int> milliseconds)
    {
        _milliseconds = milliseconds.ToArray();
    }

    public int Segments => _milliseconds.Length;

    /// <summary>Even segments ring, odd ones are silent.</summary>
    public static bool Rings(int segment) => segment % 2 == 0;

    public TimeSpan Duration(int segment) => TimeSpan.FromMilliseconds(_milliseconds[segment]);

    public int Samples(int segment, int sampleRate) => (int)((long)_milliseconds[segment] * sampleRate / 1000);

    public int Next(int segment) => (segment + 1) % _milliseconds.Length;
}
