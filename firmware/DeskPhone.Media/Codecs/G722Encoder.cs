namespace DeskPhone.Media.Codecs;

/// <summary>
/// ITU-T G.722 encoder at 64 kbit/s: 16 kHz 16-bit samples in, one octet per pair of samples
/// out. Each octet holds the 2-bit higher-band code I_H in its top bits and the 6-bit
/// lower-band code I_L below, the bit order G.722 transmits; RTP carries the octets in order
/// (RFC 3551 §4.5.2). Stateful: one instance per stream direction, used by one thread.
/// </summary>
internal sealed class G722Encoder
{
    private readonly G722Qmf _qmf = new();
    private readonly G722Band _lower = G722Band.Lower();
    private readonly G722Band _higher = G722Band.Higher();

    /// <summary>
    /// Encodes an even number of samples into half as many octets.
    /// REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public void Encode(ReadOnlySpan<short> samples, Span<byte> codes)
    {
        if ((samples.Length & 1) != 0)
        {
            throw new ArgumentException("G.722 encodes pairs of samples.", nameof(samples));
        }

        if (codes.Length < samples.Length / 2)
        {
            throw new ArgumentException("Destination shorter than half the source.", nameof(codes));
        }

        for (int i = 0; i < samples.Length / 2; i++)
        {
            _qmf.Analyse(samples[2 * i], samples[(2 * i) + 1], out int lower, out int higher);
            int lowerCode = EncodeLower(lower);
            int higherCode = EncodeHigher(higher);
            codes[i] = (byte)((higherCode << 6) | lowerCode);
        }
    }

    // QUANTL, then INVQAL and the band's adaptation on the top four bits of the code.
    private int EncodeLower(int sample)
    {
        int code = G722Quantiser.Lower(_lower, sample);
        int coarse = code >> 2;
        _lower.Adapt((G722Tables.LowReconstruction4[coarse] * _lower.Scale) >> 12, G722Tables.LowLogSteps[coarse]);
        return code;
    }

    // QUANTH, then INVQAH and the band's adaptation.
    private int EncodeHigher(int sample)
    {
        int code = G722Quantiser.Higher(_higher, sample);
        _higher.Adapt((G722Tables.HighReconstruction[code] * _higher.Scale) >> 12, G722Tables.HighLogSteps[code]);
        return code;
    }
}
