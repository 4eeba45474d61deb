using DeskPhone.Hal;
using DeskPhone.Media.Codecs;

namespace DeskPhone.Media;

/// <summary>
/// The formats the media engine supports, all in 20 ms frames. The streams and codecs run at 8 or
/// 16 kHz: 16 kHz carries G.722 at its native rate; G.711 calls are resampled to and from it, and
/// G.722 calls on an 8 kHz device are resampled too. The audio device may also run at 48 kHz, the
/// only rate of many USB handsets and I2S codecs: the <see cref="AudioEngine"/> then converts
/// between it and 16 kHz at its edges, and the streams run as on a 16 kHz device.
/// </summary>
internal static class MediaFormat
{
    /// <summary>The device rate the engine converts from and to <see cref="ConvertedRate"/>.</summary>
    public const int ConvertingDeviceRate = 48000;

    /// <summary>The streams' rate on a <see cref="ConvertingDeviceRate"/> device.</summary>
    public const int ConvertedRate = 16000;

    /// <summary>Checks an audio device's format: 8000, 16000 or 48000 Hz.</summary>
    public static void ValidateDevice(AudioFormat format, string parameterName)
    {
        if (format.SampleRate is not (8000 or 16000 or ConvertingDeviceRate) || !HasPacketFrames(format))
        {
            throw new ArgumentException(
                $"The audio device must run at 8000, 16000 or 48000 Hz in {CodecFormats.PacketMilliseconds} ms frames, "
                + $"got {format.SampleRate} Hz in {format.FrameSamples}-sample frames (at other rates, e.g. 44100 or 32000, let ALSA's plughw convert to 48000).",
                parameterName);
        }
    }

    /// <summary>Checks a stream's format: 8000 or 16000 Hz.</summary>
    public static void ValidateStream(AudioFormat format, string parameterName)
    {
        if (format.SampleRate is not (8000 or 16000) || !HasPacketFrames(format))
        {
            throw new ArgumentException(
                $"The media streams need 8000 or 16000 Hz audio in {CodecFormats.PacketMilliseconds} ms frames, got {format}.",
                parameterName);
        }
    }

    /// <summary>The format the streams run at for a device of <paramref name="device"/>'s format (already validated).</summary>
    public static AudioFormat StreamFormatFor(AudioFormat device) =>
        device.SampleRate == ConvertingDeviceRate
            ? new AudioFormat(ConvertedRate, ConvertedRate * CodecFormats.PacketMilliseconds / 1000)
            : device;

    private static bool HasPacketFrames(AudioFormat format) =>
        format.FrameSamples == format.SampleRate * CodecFormats.PacketMilliseconds / 1000;
}
