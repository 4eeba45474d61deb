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

    /// <summary>Samples the transmit QMF reads: how much <see cref="PrimeFollowing"/> needs to fill it.</summary>
    public const int AnalysisTaps = 24;

    private readonly G722Qmf _qmf = new();
    private readonly G722Band _lower = G722Band.Lower();
    private readonly G722Band _higher = G722Band.Higher();

    // For Follow: a transmit QMF of the decoder's own (only its analysis half is used).
    private readonly G722Qmf _analysis = new();

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

    /// <summary>
    /// Runs 16 kHz audio (an even number of samples) through the transmit QMF of
    /// <see cref="Follow"/> without coding it: the audio that played before a loss, so the filter
    /// starts from it rather than from the loss before, and the start of the concealment as far
    /// as it repeats audio already decoded. REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public void PrimeFollowing(ReadOnlySpan<short> samples)
    {
        if ((samples.Length & 1) != 0)
        {
            throw new ArgumentException("The QMF takes pairs of samples.", nameof(samples));
        }

        for (int i = 0; i < samples.Length; i += 2)
        {
            _analysis.Analyse(samples[i], samples[i + 1], out _, out _);
        }
    }

    /// <summary>
    /// Brings the decoder to the state it would have had if <paramref name="samples"/> (16 kHz,
    /// an even number of them: the concealment of lost frames) had been sent: they go through a
    /// transmit QMF and the encoder's quantisers, and the codes through this decoder, so its
    /// predictors, scale factors and receive QMF follow the signal the concealment stands for,
    /// instead of staying where the last received frame left them. The first frame received
    /// after the loss then decodes from a state close to the far encoder's; G.722 Appendix III
    /// updates its sub-band decoders by re-encoding its concealment in the same way.
    /// What the decoder outputs meanwhile goes to <paramref name="decoded"/> unless it is empty.
    /// REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public void Follow(ReadOnlySpan<short> samples, Span<short> decoded)
    {
        if ((samples.Length & 1) != 0)
        {
            throw new ArgumentException("G.722 codes pairs of samples.", nameof(samples));
        }

        if (!decoded.IsEmpty && decoded.Length < samples.Length)
        {
            throw new ArgumentException("Destination shorter than the source.", nameof(decoded));
        }

        for (int i = 0; i < samples.Length; i += 2)
        {
            _analysis.Analyse(samples[i], samples[i + 1], out int lower, out int higher);
            int lowerCode = G722Quantiser.Lower(_lower, lower);
            int higherCode = G722Quantiser.Higher(_higher, higher);
            _qmf.Synthesise(DecodeLower(lowerCode), DecodeHigher(higherCode), out short first, out short second);
            if (!decoded.IsEmpty)
            {
                decoded[i] = first;
                decoded[i + 1] = second;
            }
        }
    }

    /// <summary>
    /// Makes this decoder's state (predictors, scale factors, receive QMF) a copy of
    /// <paramref name="source"/>'s: to keep it aside before following a concealment, and to
    /// return to it when nothing was lost after all. REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public void CopyStateFrom(G722Decoder source)
    {
        _lower.CopyFrom(source._lower);
        _higher.CopyFrom(source._higher);
        _qmf.CopyFrom(source._qmf);
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
