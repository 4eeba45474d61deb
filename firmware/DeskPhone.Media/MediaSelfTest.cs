using System.Net;
using DeskPhone.Hal;
using DeskPhone.Media.Codecs;

namespace DeskPhone.Media;

/// <summary>
/// What `deskphone --self-test` checks of the media layer: every codec round-trips a tone with the
/// quality its standard promises, and our own offer is answerable.
/// </summary>
public static class MediaSelfTest
{
    /// <summary>
    /// G.711 keeps about 38 dB SNR for a mid-level sine (its companding); G.722's ADPCM, once
    /// adapted, a little less. 30 dB leaves margin for both and still catches a broken codec.
    /// </summary>
    private const double MinimumSnrDb = 30;

    private const int Frames = 10;

    /// <summary>G.722's two QMFs delay the signal by 22 samples; alignments up to this many are tried.</summary>
    private const int MaxDelaySamples = 32;

    public static IReadOnlyList<string> Run()
    {
        var problems = new List<string>();
        // Opus is perceptual: a waveform SNR at this threshold says little of it; OpusSelfTest
        // checks its library, settings and level instead (and the tests compare it with ffmpeg).
        foreach (var codec in Enum.GetValues<AudioCodec>().Where(codec => codec != AudioCodec.Opus))
        {
            var snr = RoundTripSnrDb(codec);
            if (snr < MinimumSnrDb)
            {
                problems.Add($"codec {codec}: round trip SNR {snr:F1} dB is below {MinimumSnrDb} dB");
            }
        }

        problems.AddRange(OpusSelfTest.Run());

        var session = new SdpSession(IPAddress.Loopback, 16384, Enum.GetValues<AudioCodec>());
        var answer = new SdpSession(IPAddress.Loopback, 16386, Enum.GetValues<AudioCodec>()).CreateAnswer(session.CreateOffer());
        if (!answer.IsSuccess)
        {
            problems.Add($"SDP: our own offer is not answerable ({answer.Failure})");
        }

        return problems;
    }

    /// <summary>Encodes and decodes half a second of a 1 kHz sine at the codec's own rate; SNR of the second half.</summary>
    private static double RoundTripSnrDb(AudioCodec codec)
    {
        int rate = codec.SampleRate(16000);
        var format = new AudioFormat(rate, rate * CodecFormats.PacketMilliseconds / 1000);
        var tone = new short[Frames * format.FrameSamples];
        for (var i = 0; i < tone.Length; i++)
        {
            tone[i] = (short)(8000 * Math.Sin(2 * Math.PI * 1000 * i / rate));
        }

        var encoder = new FrameEncoder(codec, format);
        var decoder = new FrameDecoder(codec, format);
        var payload = new byte[encoder.MaxPayloadBytes];
        var decoded = new short[tone.Length];
        for (var frame = 0; frame < Frames; frame++)
        {
            var range = new Range(frame * format.FrameSamples, (frame + 1) * format.FrameSamples);
            encoder.Encode(tone.AsSpan(range), payload);
            decoder.TryDecode(payload, decoded.AsSpan(range));
        }

        var best = double.NegativeInfinity;
        for (var delay = 0; delay <= MaxDelaySamples; delay++)
        {
            best = Math.Max(best, SignalToNoiseDb(tone.AsSpan(tone.Length / 2 - delay, tone.Length / 2), decoded.AsSpan(tone.Length / 2)));
        }

        return best;
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
