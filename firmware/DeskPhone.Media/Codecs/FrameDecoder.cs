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
    private readonly G722StateFollower? _g722Follower;
    private readonly OpusFrameDecoder? _opus;

    /// <summary>A decoder whose Opus, if that is the codec, runs on <see cref="OpusCodec.DefaultLibrary"/>.</summary>
    public FrameDecoder(AudioCodec codec, AudioFormat device)
        : this(codec, device, OpusCodec.DefaultLibrary)
    {
    }

    /// <param name="opusLibrary">The implementation Opus runs on, when that is the codec.</param>
    public FrameDecoder(AudioCodec codec, AudioFormat device, OpusLibrary opusLibrary)
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
            _g722Follower = new G722StateFollower(_g722, device, _downsampler);
        }
        else if (codec == AudioCodec.Opus)
        {
            _opus = OpusCodec.CreateDecoder(codecRate, opusLibrary);
        }
    }

    /// <summary>The Opus implementation in use; null for the other codecs.</summary>
    public OpusLibrary? OpusLibrary => _opus?.Library;

    /// <summary>Whether the codec conceals lost frames itself (Opus: its decoder's concealment and in-band FEC); if not, the caller must.</summary>
    public bool ConcealsLoss => _opus is not null;

    /// <summary>
    /// Decodes one 20 ms payload into <paramref name="frame"/>; false, leaving the state as it
    /// was, for a payload of any other length, or an Opus packet that is not 20 ms of valid
    /// audio (the phone offers ptime 20 and handles only that).
    /// REAL-TIME: no allocation, no lock, no logging; except that Opus on Concentus (no libopus
    /// on the system) allocates.
    /// </summary>
    public bool TryDecode(ReadOnlySpan<byte> payload, Span<short> frame)
    {
        if (frame.Length != _deviceFrameSamples)
        {
            return false;
        }

        if (_opus is not null)
        {
            return _opus.TryDecode(payload, frame);
        }

        if (payload.Length != _codec.PayloadBytes())
        {
            return false;
        }

        bool resample = _downsampler is not null || _upsampler is not null;
        Span<short> decoded = resample ? _codecFrame : frame;
        if (_g722 is not null)
        {
            _g722Follower?.Decoding();
            _g722.Decode(payload, decoded);
        }
        else
        {
            G711.Decode(_codec, payload, decoded);
        }

        _downsampler?.Process(_codecFrame, frame);
        _upsampler?.Process(_codecFrame, frame);
        _g722Follower?.Decoded(frame);
        return true;
    }

    /// <summary>
    /// Device samples of the concealment's continuation that <see cref="FollowConcealment"/>
    /// must be given before the frame after a loss is decoded; 0 when the codec keeps no state
    /// to follow (G.711) or conceals itself (Opus).
    /// </summary>
    public int ConcealmentLookahead => _g722Follower?.Lookahead ?? 0;

    /// <summary>
    /// Keeps the decoder's state in step with the concealment of a lost frame (the extrapolation
    /// before it fades out), then with <see cref="ConcealmentLookahead"/> samples of its
    /// continuation just before the next frame is decoded, so that frame decodes from about
    /// where the far encoder was (G.722). Nothing for codecs without such state.
    /// REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public void FollowConcealment(ReadOnlySpan<short> concealed) => _g722Follower?.Follow(concealed);

    /// <summary>
    /// Undoes <see cref="FollowConcealment"/> since the last decoded frame: the next frame comes
    /// straight after that one (it was late, or the concealment was inserted to grow the delay).
    /// REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public void ForgetConcealment() => _g722Follower?.Forget();

    /// <summary>
    /// Fills <paramref name="frame"/> for a lost packet with the codec's own concealment: from
    /// the in-band FEC of <paramref name="next"/> (the packet after the lost one) when given
    /// (RFC 6716 §2.1.7), else by the decoder's packet loss concealment. Only when
    /// <see cref="ConcealsLoss"/>. REAL-TIME as <see cref="TryDecode"/>.
    /// </summary>
    public void Conceal(ReadOnlySpan<byte> next, Span<short> frame)
    {
        if (_opus is null)
        {
            throw new InvalidOperationException($"{_codec} has no concealment of its own.");
        }

        if (!_opus.TryDecodeFec(next, frame))
        {
            _opus.Conceal(frame);
        }
    }
}
