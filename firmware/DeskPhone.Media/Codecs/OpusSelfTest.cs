namespace DeskPhone.Media.Codecs;

/// <summary>
/// What `deskphone --self-test` checks of Opus on the machine it runs on (the Pi's image, or
/// its arm64 build under qemu): libopus loads, every setting reaches the encoder through the
/// variadic <c>opus_encoder_ctl</c> (the one call whose soundness depends on the machine's ABI,
/// see <see cref="OpusNative"/>), and a tone comes back at its level.
/// </summary>
internal static class OpusSelfTest
{
    private const int Rate = 16000;
    private const int FrameSamples = Rate / 50;
    private const double Amplitude = 8000;

    /// <summary>The problems found, empty when native Opus works.</summary>
    public static IReadOnlyList<string> Run()
    {
        if (!OpusCodec.NativeAvailable)
        {
            return [$"Opus: {OpusCodec.NativeLoadError}: install libopus0 (without it the audio thread allocates during Opus calls)"];
        }

        var problems = new List<string>();
        var encoder = new OpusNativeEncoder(Rate);
        (int Request, int Expected)[] settings =
        [
            (OpusNative.GetBitrateRequest, OpusCodec.Bitrate),
            (OpusNative.GetInbandFecRequest, 1),
            (OpusNative.GetPacketLossPercRequest, OpusCodec.ExpectedLossPercent),
            (OpusNative.GetSignalRequest, OpusNative.SignalVoice),
            (OpusNative.GetComplexityRequest, OpusCodec.Complexity),
        ];
        foreach (var (request, expected) in settings)
        {
            int actual = encoder.Get(request);
            if (actual != expected)
            {
                problems.Add($"Opus: encoder setting {request - 1} reads back {actual}, not {expected}");
            }
        }

        double level = RoundTripLevel(encoder);
        if (level is < 0.85 or > 1.15)
        {
            problems.Add($"Opus: a 1 kHz tone comes back at {level:P0} of its level");
        }

        return problems;
    }

    /// <summary>Half a second of a 1 kHz tone through encoder and decoder: its level in the second half against the original's.</summary>
    private static double RoundTripLevel(OpusNativeEncoder encoder)
    {
        var decoder = new OpusNativeDecoder(Rate);
        var frame = new short[FrameSamples];
        var packet = new byte[CodecFormats.MaxOpusPayloadBytes];
        var decoded = new short[FrameSamples];
        double sum = 0;
        int counted = 0;
        for (int n = 0; n < 25; n++)
        {
            for (int i = 0; i < FrameSamples; i++)
            {
                frame[i] = (short)Math.Round(Amplitude * Math.Sin(2 * Math.PI * 1000 * ((n * FrameSamples) + i) / Rate));
            }

            if (!decoder.TryDecode(packet.AsSpan(0, encoder.Encode(frame, packet)), decoded))
            {
                return 0;
            }

            if (n >= 12)
            {
                foreach (short sample in decoded)
                {
                    sum += (double)sample * sample;
                }

                counted += FrameSamples;
            }
        }

        // A sine's RMS is its amplitude over √2.
        return Math.Sqrt(sum / counted) / (Amplitude / Math.Sqrt(2));
    }
}
