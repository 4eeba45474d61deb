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
    private long _concealed;

    public Playout(JitterBuffer buffer, AudioFormat format)
    {
        _buffer = buffer;
        _concealer = new PacketLossConcealer(format.SampleRate, format.FrameSamples);
        _payload = new byte[buffer.MaxPayloadBytes];
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

            return;
        }

        Conceal(frame);
    }

    private void Conceal(Span<short> frame)
    {
        if (_concealer.Conceal(frame))
        {
            Interlocked.Increment(ref _concealed);
        }
    }
}
