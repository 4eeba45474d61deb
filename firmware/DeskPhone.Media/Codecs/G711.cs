namespace DeskPhone.Media.Codecs;

/// <summary>Picks the G.711 law for a negotiated <see cref="AudioCodec"/>.</summary>
internal static class G711
{
    /// <summary>REAL-TIME: no allocation, no lock, no logging.</summary>
    public static void Encode(AudioCodec codec, ReadOnlySpan<short> samples, Span<byte> codes)
    {
        if (codec == AudioCodec.Pcma)
        {
            G711ALaw.Encode(samples, codes);
        }
        else
        {
            G711MuLaw.Encode(samples, codes);
        }
    }

    /// <summary>REAL-TIME: no allocation, no lock, no logging.</summary>
    public static void Decode(AudioCodec codec, ReadOnlySpan<byte> codes, Span<short> samples)
    {
        if (codec == AudioCodec.Pcma)
        {
            G711ALaw.Decode(codes, samples);
        }
        else
        {
            G711MuLaw.Decode(codes, samples);
        }
    }
}
