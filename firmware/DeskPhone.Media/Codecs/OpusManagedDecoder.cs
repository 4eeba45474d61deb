using Concentus;
using Concentus.Structs;

namespace DeskPhone.Media.Codecs;

/// <summary>
/// Opus decoding and concealment by Concentus, the fallback when the system has no libopus
/// (see <see cref="OpusManagedEncoder"/>); it allocates on every frame.
/// </summary>
internal sealed class OpusManagedDecoder : OpusFrameDecoder
{
    private readonly OpusDecoder _decoder;

#pragma warning disable CS0618 // As for the encoder.
    public OpusManagedDecoder(int sampleRate) => _decoder = new OpusDecoder(sampleRate, 1);
#pragma warning restore CS0618

    public override OpusLibrary Library => OpusLibrary.Managed;

    public override bool TryDecode(ReadOnlySpan<byte> packet, Span<short> frame) =>
        !packet.IsEmpty && Decode(packet, frame, fec: false);

    public override bool TryDecodeFec(ReadOnlySpan<byte> next, Span<short> frame) =>
        !next.IsEmpty && Decode(next, frame, fec: true);

    public override void Conceal(Span<short> frame) => Decode(default, frame, fec: false);

    private bool Decode(ReadOnlySpan<byte> packet, Span<short> frame, bool fec)
    {
        try
        {
            return _decoder.Decode(packet, frame, frame.Length, fec) == frame.Length;
        }
        catch (OpusException)
        {
            // A corrupt packet from the network is lost audio, not a failure of the audio thread.
            frame.Clear();
            return false;
        }
    }
}
