namespace DeskPhone.Media.Codecs;

/// <summary>
/// Opus encoding of one mono 20 ms frame per packet with the settings of <see cref="OpusCodec"/>,
/// by <see cref="OpusNativeEncoder"/> or <see cref="OpusManagedEncoder"/>. Stateful: one per
/// stream, audio thread only.
/// </summary>
internal abstract class OpusFrameEncoder
{
    public abstract OpusLibrary Library { get; }

    /// <summary>
    /// Encodes one frame into <paramref name="packet"/> and returns the packet's length; throws
    /// only for a bug of the caller (a frame of another size, a packet with no room).
    /// REAL-TIME for <see cref="OpusLibrary.Native"/>: no allocation, no lock, no logging.
    /// </summary>
    public abstract int Encode(ReadOnlySpan<short> frame, Span<byte> packet);
}
