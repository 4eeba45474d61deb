namespace DeskPhone.Media.Codecs;

/// <summary>
/// ITU-T G.722 decoder at 64 kbit/s (mode 1): one octet in, two 16 kHz samples out.
/// Stateful: one instance per stream direction, used by one thread.
/// </summary>
internal sealed class G722Decoder
{
    // LIMIT: the reconstructed sub-band signals are limited to 15 bits before synthesis.
    private const int SubBandMin = -16384;
    private const int SubBandMax = 16383;

    private readonly G722Qmf _qmf = new();
    private readonly G722Band _lower = G722Band.Lower();
    private readonly G722Band _higher = G722Band.Higher();

    /// <summary>
    /// Decodes octets into twice as many samples.
    /// REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public void Decode(ReadOnlySpan<byte> codes, Span<short> samples)
    {
        if (samples.Length < codes.Length * 2)
        {
            throw new ArgumentException("Destination shorter than twice the source.", nameof(samples));
        }

        for (int i = 0; i < codes.Length; i++)
        {
            int lower = DecodeLower(codes[i] & 0x3F);
            int higher = DecodeHigher(codes[i] >> 6);
            _qmf.Synthesise(lower, higher, out short first, out short second);
            samples[2 * i] = first;
            samples[(2 * i) + 1] = second;
        }
    }

    // INVQBL with the full 6-bit code for the output, INVQAL with its top four bits for the
    // adaptation, exactly as the encoder adapted.
    private int DecodeLower(int code)
    {
        int scale = _lower.Scale;
        int output = Math.Clamp(_lower.Estimate + ((G722Tables.LowReconstruction6[code] * scale) >> 12), SubBandMin, SubBandMax);
        int coarse = code >> 2;
        _lower.Adapt((G722Tables.LowReconstruction4[coarse] * scale) >> 12, G722Tables.LowLogSteps[coarse]);
        return output;
    }

    private int DecodeHigher(int code)
    {
        int difference = (G722Tables.HighReconstruction[code] * _higher.Scale) >> 12;
        int output = Math.Clamp(_higher.Estimate + difference, SubBandMin, SubBandMax);
        _higher.Adapt(difference, G722Tables.HighLogSteps[code]);
        return output;
    }
}
