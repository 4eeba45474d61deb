using Concentus;
using Concentus.Structs;
using DeskPhone.Hal;
using DeskPhone.Media.Resampling;

namespace DeskPhone.Media.Codecs;

/// <summary>
/// Turns one RTP payload of a codec into one frame for the audio device, resampling when the
/// rates differ. Stateful (G.722 ADPCM, Opus, resampler): one per stream and negotiation, used by the
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
    private readonly OpusDecoder? _opus;

    public FrameDecoder(AudioCodec codec, AudioFormat device)
    {
        _codec = codec;
        _deviceFrameSamples = device.FrameSamples;
        int codecRate = codec.SampleRate(device.SampleRate);
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
        else if (codec == AudioCodec.Opus)
        {
            _opus = OpusCodec.CreateDecoder(codecRate);
        }
    }

    /// <summary>Whether the codec conceals lost frames itself (Opus: its decoder's concealment and in-band FEC); if not, the caller must.</summary>
    public bool ConcealsLoss => _opus is not null;

    /// <summary>
    /// Decodes one 20 ms payload into <paramref name="frame"/>; false, leaving the state as it
    /// was, for a payload of any other length, or an Opus packet that is not 20 ms of valid
    /// audio (the phone offers ptime 20 and handles only that).
    /// REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public bool TryDecode(ReadOnlySpan<byte> payload, Span<short> frame)
    {
        if (frame.Length != _deviceFrameSamples)
        {
            return false;
        }

        if (_opus is not null)
        {
            return !payload.IsEmpty && DecodeOpus(payload, frame, fec: false);
        }

        if (payload.Length != _codec.PayloadBytes())
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

    /// <summary>
    /// Fills <paramref name="frame"/> for a lost packet with the codec's own concealment: from
    /// the in-band FEC of <paramref name="next"/> (the packet after the lost one) when given
    /// (RFC 6716 §2.1.7), else by the decoder's packet loss concealment. Only when
    /// <see cref="ConcealsLoss"/>. REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public void Conceal(ReadOnlySpan<byte> next, Span<short> frame)
    {
        if (_opus is null)
        {
            throw new InvalidOperationException($"{_codec} has no concealment of its own.");
        }

        if (next.IsEmpty || !DecodeOpus(next, frame, fec: true))
        {
            DecodeOpus(default, frame, fec: false);
        }
    }

    private bool DecodeOpus(ReadOnlySpan<byte> payload, Span<short> frame, bool fec)
    {
        try
        {
            return _opus!.Decode(payload, frame, frame.Length, fec) == frame.Length;
        }
        catch (OpusException)
        {
            // A corrupt packet from the network is lost audio, not a failure of the audio thread.
            frame.Clear();
            return false;
        }
    }
}
