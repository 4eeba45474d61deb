using DeskPhone.Hal;
using DeskPhone.Media.Resampling;

namespace DeskPhone.Media.Codecs;

/// <summary>
/// Turns one RTP payload of a codec into one frame for the audio device, resampling when the
/// rates differ. Stateful (G.722 ADPCM, resampler): one per stream and negotiation, used by the
/// thread that decodes (the audio thread, at playout).
/// </summary>
internal sealed class FrameDecoder
{
    private readonly AudioCodec _codec;
    private readonly int _deviceFrameSamples;
    private readonly short[] _codecFrame;
    private readonly Downsampler? _downsampler;
    private readonly Upsampler? _upsampler;
    private readonly G722Decoder? _g722;

    public FrameDecoder(AudioCodec codec, AudioFormat device)
    {
        _codec = codec;
        _deviceFrameSamples = device.FrameSamples;
        int codecRate = codec.SampleRate();
        _codecFrame = new short[codecRate * CodecFormats.PacketMilliseconds / 1000];
        if (codecRate == 2 * device.SampleRate)
        {
            _downsampler = new Downsampler(_codecFrame.Length);
        }
        else if (2 * codecRate == device.SampleRate)
        {
            _upsampler = new Upsampler(_codecFrame.Length);
        }

        if (codec == AudioCodec.G722)
        {
            _g722 = new G722Decoder();
        }
    }

    /// <summary>
    /// Decodes one 20 ms payload into <paramref name="frame"/>; false, leaving the state as it
    /// was, for a payload of any other length (the phone offers ptime 20 and handles only that).
    /// REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public bool TryDecode(ReadOnlySpan<byte> payload, Span<short> frame)
    {
        if (payload.Length != _codec.PayloadBytes() || frame.Length != _deviceFrameSamples)
        {
            return false;
        }

        bool resample = _downsampler is not null || _upsampler is not null;
        Span<short> decoded = resample ? _codecFrame : frame;
        if (_g722 is not null)
        {
            _g722.Decode(payload, decoded);
        }
        else
        {
            G711.Decode(_codec, payload, decoded);
        }

        _downsampler?.Process(_codecFrame, frame);
        _upsampler?.Process(_codecFrame, frame);
        return true;
    }
}
