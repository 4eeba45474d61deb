namespace DeskPhone.Media.Codecs;

/// <summary>Picks the G.711 law for a negotiated <see cref="AudioCodec"/>.</summary>
internal static class G711
{
    /// <summary>REAL-TIME: no allocation, no lock, no logging.</summary>
    public static void Encode(AudioCodec codec, ReadOnlySpan<short> samples, Span<byte> codes)
    {
        switch (codec)
        {
            case AudioCodec.Pcma:
                G711ALaw.Encode(samples, codes);
                break;
            case AudioCodec.Pcmu:
                G711MuLaw.Encode(samples, codes);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(codec), codec, "Not a G.711 law.");
        }
    }

    /// <summary>REAL-TIME: no allocation, no lock, no logging.</summary>
    public static void Decode(AudioCodec codec, ReadOnlySpan<byte> codes, Span<short> samples)
    {
        switch (codec)
        {
            case AudioCodec.Pcma:
                G711ALaw.Decode(codes, samples);
                break;
            case AudioCodec.Pcmu:
                G711MuLaw.Decode(codes, samples);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(codec), codec, "Not a G.711 law.");
        }
    }
}
