using System.Net;
using DeskPhone.Media.Codecs;

namespace DeskPhone.Media;

/// <summary>
/// What `deskphone --self-test` checks of the media layer: every codec round-trips a tone with the
/// quality its standard promises, and our own offer is answerable.
/// </summary>
public static class MediaSelfTest
{
    /// <summary>G.711 keeps about 38 dB SNR for a mid-level sine (ITU-T G.711 companding); 30 dB leaves margin.</summary>
    private const double MinimumSnrDb = 30;

    public static IReadOnlyList<string> Run()
    {
        var problems = new List<string>();
        Span<short> tone = stackalloc short[MediaFormat.FrameSamples];
        for (var i = 0; i < tone.Length; i++)
        {
            tone[i] = (short)(8000 * Math.Sin(2 * Math.PI * 1000 * i / MediaFormat.SampleRate));
        }

        Span<byte> coded = stackalloc byte[MediaFormat.FrameSamples];
        Span<short> decoded = stackalloc short[MediaFormat.FrameSamples];
        foreach (var codec in Enum.GetValues<AudioCodec>())
        {
            G711.Encode(codec, tone, coded);
            G711.Decode(codec, coded, decoded);
            var snr = SignalToNoiseDb(tone, decoded);
            if (snr < MinimumSnrDb)
            {
                problems.Add($"codec {codec}: round trip SNR {snr:F1} dB is below {MinimumSnrDb} dB");
            }
        }

        var session = new SdpSession(IPAddress.Loopback, 16384, Enum.GetValues<AudioCodec>());
        var answer = new SdpSession(IPAddress.Loopback, 16386, Enum.GetValues<AudioCodec>()).CreateAnswer(session.CreateOffer());
        if (!answer.IsSuccess)
        {
            problems.Add($"SDP: our own offer is not answerable ({answer.Failure})");
        }

        return problems;
    }

    private static double SignalToNoiseDb(ReadOnlySpan<short> reference, ReadOnlySpan<short> actual)
    {
        double signal = 0, noise = 0;
        for (var i = 0; i < reference.Length; i++)
        {
            signal += (double)reference[i] * reference[i];
            var error = (double)reference[i] - actual[i];
            noise += error * error;
        }

        return noise == 0 ? double.PositiveInfinity : 10 * Math.Log10(signal / noise);
    }
}
