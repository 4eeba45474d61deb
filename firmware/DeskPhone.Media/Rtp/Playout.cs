using DeskPhone.Hal;
using DeskPhone.Media.Codecs;

namespace DeskPhone.Media.Rtp;

/// <summary>
/// The receive half of the audio path, run by the audio thread once per period: jitter buffer →
/// decoder, or loss concealment when the frame is missing (the codec's own when it has one,
/// otherwise <see cref="PacketLossConcealer"/>). Decoding at playout time rather than on
/// arrival keeps the decoder's state in sequence order and lets Opus recover a lost frame from
/// the forward error correction carried in the next one.
/// </summary>
internal sealed class Playout
{
    private readonly JitterBuffer _buffer;
    private readonly PacketLossConcealer _concealer;
    private readonly byte[] _payload;
    private readonly byte[] _nextPayload;
    private readonly short[] _extrapolation;
    private int _erasedFrames;
    private long _lostWhenDecoded;
    private long _concealed;

    public Playout(JitterBuffer buffer, AudioFormat format)
    {
        _buffer = buffer;
        _concealer = new PacketLossConcealer(format.SampleRate, format.FrameSamples);
        _payload = new byte[buffer.MaxPayloadBytes];
        _nextPayload = new byte[buffer.MaxPayloadBytes];
        _extrapolation = new short[format.FrameSamples];
    }

    /// <summary>Frames played as concealment (lost, late, underrun or inserted), not counting the silence after 60 ms of it.</summary>
    public long Concealed => Interlocked.Read(ref _concealed);

    /// <summary>
    /// Fills <paramref name="frame"/> with the next frame. With no <paramref name="decoder"/> (not
    /// receiving) the buffer is still drained, so frames held before a hold do not play after it,
    /// and the frame is silence. Audio thread. REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public void Read(FrameDecoder? decoder, Span<short> frame)
    {
        JitterPop pop = _buffer.Pop(_payload, out int length);
        if (decoder is null || pop == JitterPop.Idle)
        {
            frame.Clear();
            return;
        }

        if (pop == JitterPop.Frame && _erasedFrames > 0)
        {
            EndErasure(decoder);
        }

        if (pop == JitterPop.Frame && decoder.TryDecode(_payload.AsSpan(0, length), frame))
        {
            if (_buffer.Skipped)
            {
                _concealer.Spliced(frame);
            }
            else
            {
                _concealer.Played(frame);
            }

            _erasedFrames = 0;

            // The buffer counts a frame lost at its Lost pop, or when playout restarts past it
            // after an underrun: either way before the next frame is decoded.
            _lostWhenDecoded = _buffer.Lost;
            return;
        }

        Conceal(decoder, pop == JitterPop.Lost, frame);
    }

    /// <summary>
    /// Before the first frame after concealment is decoded: if frames were lost meanwhile, the
    /// far encoder went on without us, and the decoder, which followed the concealment, is
    /// brought up to where this frame's codes start; if none was (the frame came late, or the
    /// concealment was inserted to grow the delay), it continues from where it stopped.
    /// </summary>
    private void EndErasure(FrameDecoder decoder)
    {
        if (_buffer.Lost == _lostWhenDecoded)
        {
            decoder.ForgetConcealment();
            return;
        }

        Span<short> ahead = _extrapolation.AsSpan(0, decoder.ConcealmentLookahead);
        _concealer.Continue(ahead);
        decoder.FollowConcealment(ahead);
    }

    private void Conceal(FrameDecoder decoder, bool lost, Span<short> frame)
    {
        _erasedFrames++;
        bool sounded;
        if (decoder.ConcealsLoss)
        {
            // The codec's own concealment fades too; past 60 ms, as with ours, silence.
            sounded = _erasedFrames * CodecFormats.PacketMilliseconds <= PacketLossConcealer.SilentAfterMilliseconds;
            if (sounded)
            {
                // Only a lost frame (later ones arrived) can be rebuilt from the next one's FEC.
                int length = 0;
                bool next = lost && _buffer.TryPeekNext(_nextPayload, out length);
                decoder.Conceal(_nextPayload.AsSpan(0, next ? length : 0), frame);
            }
            else
            {
                frame.Clear();
            }
        }
        else
        {
            // A decoder with adaptive state (G.722) follows what the lost audio probably was:
            // the extrapolation before it fades, so the state keeps the talker's level.
            bool follows = decoder.ConcealmentLookahead > 0;
            sounded = _concealer.Conceal(frame, follows ? _extrapolation : default);
            if (follows)
            {
                decoder.FollowConcealment(_extrapolation);
            }
        }

        if (sounded)
        {
            Interlocked.Increment(ref _concealed);
        }
    }
}
