namespace DeskPhone.Interop.Tests.Audio;

/// <summary>
/// PCM read from a WAV file: the samples of the first channel only (what a tone assertion needs),
/// the sample rate, and how many channels the file had.
/// </summary>
internal sealed record WavAudio(short[] Samples, int SampleRate, int Channels)
{
    /// <summary>Length of the audio in seconds.</summary>
    public double DurationSeconds => SampleRate == 0 ? 0 : (double)Samples.Length / SampleRate;
}
