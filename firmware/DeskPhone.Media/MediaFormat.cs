using DeskPhone.Hal;

namespace DeskPhone.Media;

/// <summary>The one audio format the media engine supports for now.</summary>
internal static class MediaFormat
{
    /// <summary>G.711's sampling rate, which is also its RTP clock rate (RFC 3551 §4.5.14).</summary>
    public const int SampleRate = 8000;

    /// <summary>20 ms frames, matching the a=ptime:20 the phone advertises.</summary>
    public const int FrameSamples = 160;

    public static void Validate(AudioFormat format, string parameterName)
    {
        if (format.SampleRate != SampleRate || format.FrameSamples != FrameSamples)
        {
            throw new ArgumentException(
                $"The media engine needs {SampleRate} Hz audio in {FrameSamples}-sample frames, got {format}.",
                parameterName);
        }
    }
}
