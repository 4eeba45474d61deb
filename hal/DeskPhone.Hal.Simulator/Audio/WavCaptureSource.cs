namespace DeskPhone.Hal.Simulator;

/// <summary>A recording played into the microphone over and over.</summary>
internal sealed class WavCaptureSource : IAudioCaptureSource
{
    private readonly short[] _samples;
    private int _position;

    private WavCaptureSource(short[] samples) => _samples = samples;

    /// <summary>
    /// Loads a 16-bit PCM mono file recorded at <paramref name="sampleRate"/>. Returns null
    /// and a reason a person can act on when the file is unreadable or in another format.
    /// </summary>
    public static WavCaptureSource? TryLoad(string path, int sampleRate, out string error)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read '{path}': {e.Message}";
            return null;
        }

        short[]? samples = WavFormat.TryReadPcm16Mono(bytes, sampleRate, out error);
        return samples is null ? null : new WavCaptureSource(samples);
    }

    // REAL-TIME: no allocation, no lock, no logging
    public void Read(Span<short> frame)
    {
        while (!frame.IsEmpty)
        {
            int count = Math.Min(frame.Length, _samples.Length - _position);
            _samples.AsSpan(_position, count).CopyTo(frame);
            frame = frame[count..];
            _position = (_position + count) % _samples.Length;
        }
    }
}
