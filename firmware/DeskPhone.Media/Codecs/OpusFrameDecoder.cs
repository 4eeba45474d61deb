namespace DeskPhone.Media.Codecs;

/// <summary>
/// Opus decoding of 20 ms mono frames, and its own loss concealment, by
/// <see cref="OpusNativeDecoder"/> or <see cref="OpusManagedDecoder"/>. Stateful: one per stream,
/// used by the thread that decodes (the audio thread, at playout). None of the methods throws
/// for what comes from the network: a bad packet is a value (false), since it is lost audio,
/// not a failure of the audio thread.
/// </summary>
internal abstract class OpusFrameDecoder
{
    public abstract OpusLibrary Library { get; }

    /// <summary>
    /// Decodes <paramref name="packet"/> into <paramref name="frame"/>; false for an empty or
    /// invalid packet or one of another duration than the frame (the phone offers ptime 20 and
    /// handles only that). REAL-TIME for <see cref="OpusLibrary.Native"/>: no allocation, no
    /// lock, no logging.
    /// </summary>
    public abstract bool TryDecode(ReadOnlySpan<byte> packet, Span<short> frame);

    /// <summary>
    /// Rebuilds the frame lost just before <paramref name="next"/> from the in-band FEC that
    /// <paramref name="next"/> carries (RFC 6716 §2.1.7); with no FEC in it (a CELT packet, or
    /// a sender without FEC) the decoder conceals instead. <paramref name="next"/> stays to be
    /// decoded in its turn. False, leaving <paramref name="frame"/> to <see cref="Conceal"/>,
    /// when the packet is empty or invalid. REAL-TIME for <see cref="OpusLibrary.Native"/>.
    /// </summary>
    public abstract bool TryDecodeFec(ReadOnlySpan<byte> next, Span<short> frame);

    /// <summary>
    /// Fills <paramref name="frame"/> for a packet that never came with the decoder's packet loss
    /// concealment, which continues the last sound and fades it. REAL-TIME for
    /// <see cref="OpusLibrary.Native"/>.
    /// </summary>
    public abstract void Conceal(Span<short> frame);
}
