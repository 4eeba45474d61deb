using DeskPhone.Hal;
using DeskPhone.Media.Codecs;

namespace DeskPhone.Media;

/// <summary>
/// The audio device formats the media engine supports: 8 or 16 kHz in 20 ms frames. 16 kHz
/// carries G.722 at its native rate; G.711 calls are resampled to and from it, and G.722 calls
/// on an 8 kHz device are resampled too.
/// </summary>
internal static class MediaFormat
{
    public static void Validate(AudioFormat format, string parameterName)
    {
        bool supportedRate = format.SampleRate is 8000 or 16000;
        if (!supportedRate || format.FrameSamples != format.SampleRate * CodecFormats.PacketMilliseconds / 1000)
        {
            throw new ArgumentException(
                $"The media engine needs 8000 or 16000 Hz audio in {CodecFormats.PacketMilliseconds} ms frames, got {format}.",
                parameterName);
        }
    }
}
