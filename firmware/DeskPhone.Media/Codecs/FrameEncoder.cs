using DeskPhone.Hal;
using DeskPhone.Media.Resampling;

namespace DeskPhone.Media.Codecs;

/// <summary>
/// Turns one 20 ms frame of the audio device into one RTP payload of a codec, resampling when
/// the device and the codec run at different rates (G.711 from a 16 kHz device, G.722 from an
/// 8 kHz one). Stateful (resampler, G.722 ADPCM, Opus): one per stream and negotiation, audio thread only.
/// </summary>
internal sealed class FrameEncoder
{
    private readonly AudioCodec _codec;
    private readonly int _deviceFrameSamples;
    private readonly short[] _codecFrame;
    private readonly Downsampler? _downsampler;
    private readonly Upsampler? _upsampler;
    private readonly G722Encoder? _g722;
    private readonly OpusFrameEncoder? _opus;

    /// <summary>An encoder whose Opus, if that is the codec, runs on <see cref="OpusCodec.DefaultLibrary"/>.</summary>
    public FrameEncoder(AudioCodec codec, AudioFormat device)
        : this(codec, device, OpusCodec.DefaultLibrary)
    {
    }

    /// <param name="opusLibrary">The implementation Opus runs on, when that is the codec.</param>
    public FrameEncoder(AudioCodec codec, AudioFormat device, OpusLibrary opusLibrary)
    {
        _codec = codec;
        _deviceFrameSamples = device.FrameSamples;
        int codecRate = codec.SampleRate(device.SampleRate);
        _codecFrame = new short[codecRate * CodecFormats.PacketMilliseconds / 1000];
        if (device.SampleRate == 2 * codecRate)
        {
            _downsampler = new Downsampler(device.FrameSamples);
        }
        else if (2 * device.SampleRate == codecRate)
        {
            _upsampler = new Upsampler(device.FrameSamples);
        }

        if (codec == AudioCodec.G722)
        {
            _g722 = new G722Encoder();
        }
        else if (codec == AudioCodec.Opus)
        {
            _opus = OpusCodec.CreateEncoder(codecRate, opusLibrary);
        }
    }

    /// <summary>The Opus implementation in use; null for the other codecs.</summary>
    public OpusLibrary? OpusLibrary => _opus?.Library;

    /// <summary>The most octets <see cref="Encode"/> writes per frame.</summary>
    public int MaxPayloadBytes => _codec.PayloadBytes() ?? CodecFormats.MaxOpusPayloadBytes;

    /// <summary>
    /// Encodes one device frame and returns the payload length. REAL-TIME: no allocation, no
    /// lock, no logging; except that Opus on Concentus (no libopus on the system) allocates.
    /// </summary>
    public int Encode(ReadOnlySpan<short> frame, Span<byte> payload)
    {
        if (frame.Length != _deviceFrameSamples)
        {
            throw new ArgumentException($"Frame must hold {_deviceFrameSamples} samples.", nameof(frame));
        }

        ReadOnlySpan<short> samples = frame;
        if (_downsampler is not null)
        {
            _downsampler.Process(frame, _codecFrame);
            samples = _codecFrame;
        }
        else if (_upsampler is not null)
        {
            _upsampler.Process(frame, _codecFrame);
            samples = _codecFrame;
        }

        if (_opus is not null)
        {
            return _opus.Encode(samples, payload[..Math.Min(payload.Length, MaxPayloadBytes)]);
        }

        if (_g722 is not null)
        {
            _g722.Encode(samples, payload);
        }
        else
        {
            G711.Encode(_codec, samples, payload);
        }

        return MaxPayloadBytes;
    }
}
