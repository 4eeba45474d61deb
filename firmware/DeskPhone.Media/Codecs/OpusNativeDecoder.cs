namespace DeskPhone.Media.Codecs;

/// <summary>
/// Opus decoding and concealment by the system's libopus (<see cref="OpusNative"/>). The decoder
/// state lives in native memory and the spans are pinned for the call only, so a frame
/// allocates nothing managed.
/// </summary>
internal sealed unsafe class OpusNativeDecoder : OpusFrameDecoder
{
    private readonly OpusDecoderHandle _decoder;
    private readonly int _sampleRate;

    /// <summary>A mono decoder at <paramref name="sampleRate"/>. Only when <see cref="OpusCodec.NativeAvailable"/>.</summary>
    public OpusNativeDecoder(int sampleRate)
    {
        _sampleRate = sampleRate;
        _decoder = OpusNative.DecoderCreate(sampleRate, 1, out int error);
        if (error != OpusNative.Ok || _decoder.IsInvalid)
        {
            _decoder.Dispose();
            throw new InvalidOperationException($"opus_decoder_create at {sampleRate} Hz failed with {error}");
        }
    }

    public override OpusLibrary Library => OpusLibrary.Native;

    public override bool TryDecode(ReadOnlySpan<byte> packet, Span<short> frame)
    {
        if (packet.IsEmpty)
        {
            return false;
        }

        fixed (byte* data = packet)
        fixed (short* pcm = frame)
        {
            // The duration comes from the packet's table of contents (RFC 6716 §3.1); checking
            // it first keeps a packet of another length away from the decoder's state.
            if (OpusNative.PacketSamples(data, packet.Length, _sampleRate) != frame.Length)
            {
                return false;
            }

            // libopus parses the whole packet before it touches its state, so a corrupt one
            // leaves the decoder as it was.
            return OpusNative.Decode(_decoder, data, packet.Length, pcm, frame.Length, decodeFec: 0) == frame.Length;
        }
    }

    public override bool TryDecodeFec(ReadOnlySpan<byte> next, Span<short> frame)
    {
        if (next.IsEmpty)
        {
            return false;
        }

        fixed (byte* data = next)
        fixed (short* pcm = frame)
        {
            return OpusNative.Decode(_decoder, data, next.Length, pcm, frame.Length, decodeFec: 1) == frame.Length;
        }
    }

    public override void Conceal(Span<short> frame)
    {
        int decoded;
        fixed (short* pcm = frame)
        {
            decoded = OpusNative.Decode(_decoder, null, 0, pcm, frame.Length, decodeFec: 0);
        }

        if (decoded != frame.Length)
        {
            frame.Clear();
        }
    }
}
