using DeskPhone.Media.Codecs;
using Xunit.Abstractions;

namespace DeskPhone.Media.Tests;

/// <summary>
/// Opus on the system's libopus through our binding: the settings reach the encoder, real
/// signals come back at their level, a lost frame is rebuilt from the next packet's FEC or
/// concealed, and packets that are not 20 ms of valid Opus are refused without a throw.
/// <para>
/// Thresholds come from the measurements each test prints, with a margin, and separate working
/// from broken the way <see cref="OpusFfmpegTests"/> explains (a perceptual codec keeps
/// spectrum, not every sample). Measured with libopus 1.3.1: a 1 kHz tone at amplitude 7915
/// and 7938 of 8000 with 20.6 and 20.0 dB SNR (8 and 16 kHz), hence 7000-9000 and 15 dB; the
/// speech-like signal 8.0 dB, level -0.6 dB, hence 6 dB and ±1.5 dB; a lost frame 11.9 dB
/// from FEC against 0.2 dB concealed, hence 6 dB; a concealed 440 Hz tone at 3526 of 8000 in
/// its first frame and 0 by the tenth.
/// </para>
/// </summary>
public sealed class OpusNativeTests(ITestOutputHelper output)
{
    private const int Rate = 16000;
    private const int FrameSamples = 320;

    [Fact]
    public void Encoder_ReadsBackEverySettingItWasGiven()
    {
        OpusAudio.RequireNative();
        var encoder = (OpusNativeEncoder)OpusCodec.CreateEncoder(Rate, OpusLibrary.Native);

        // Each SET went through the variadic opus_encoder_ctl with a fixed signature; its GET
        // (a pointer through the same path) shows the value arrived where libopus looked for it.
        Assert.Equal(32000, encoder.Get(OpusNative.GetBitrateRequest));
        Assert.Equal(1, encoder.Get(OpusNative.GetInbandFecRequest));
        Assert.Equal(5, encoder.Get(OpusNative.GetPacketLossPercRequest));
        Assert.Equal(OpusNative.SignalVoice, encoder.Get(OpusNative.GetSignalRequest));
        Assert.Equal(5, encoder.Get(OpusNative.GetComplexityRequest));
        Assert.StartsWith("libopus ", OpusCodec.NativeVersion);
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    public void Sine1kHz_RoundTrip_KeepsItsLevelAndWaveform(int sampleRate)
    {
        OpusAudio.RequireNative();
        int frameSamples = sampleRate / 50;
        short[] tone = [.. Enumerable.Range(0, sampleRate).Select(i => (short)Math.Round(8000 * Math.Sin(2 * Math.PI * 1000 * i / sampleRate)))];

        List<byte[]> packets = OpusAudio.Encode(OpusCodec.CreateEncoder(sampleRate, OpusLibrary.Native), tone, frameSamples);
        short[] decoded = OpusAudio.Decode(OpusCodec.CreateDecoder(sampleRate, OpusLibrary.Native), packets, frameSamples);

        double amplitude = Signal.Amplitude(decoded.AsSpan(sampleRate / 2), 1000, sampleRate);
        double snr = OpusAudio.AlignedSnrDb(tone, decoded, sampleRate);
        output.WriteLine($"{sampleRate} Hz: 1 kHz at amplitude {amplitude:F0} of 8000, SNR {snr:F1} dB, {packets.Average(packet => packet.Length):F0} octets per packet");
        Assert.InRange(amplitude, 7000, 9000);
        Assert.True(snr > 15, $"{snr:F1} dB");
        Assert.InRange(packets.Average(packet => packet.Length), 60, 100);
    }

    [Fact]
    public void SpeechLike_RoundTrip_KeepsItsLevelAndWaveform()
    {
        OpusAudio.RequireNative();
        short[] speech = TestSignals.SpeechLike(Rate, 2, seed: 11);

        List<byte[]> packets = OpusAudio.Encode(OpusCodec.CreateEncoder(Rate, OpusLibrary.Native), speech, FrameSamples);
        short[] decoded = OpusAudio.Decode(OpusCodec.CreateDecoder(Rate, OpusLibrary.Native), packets, FrameSamples);

        double levelChange = OpusAudio.RmsDbfs(decoded.AsSpan(Rate / 5)) - OpusAudio.RmsDbfs(speech.AsSpan(Rate / 5));
        double snr = OpusAudio.AlignedSnrDb(speech, decoded, Rate);
        output.WriteLine($"speech-like: level {levelChange:+0.0;-0.0} dB, SNR {snr:F1} dB");
        Assert.InRange(levelChange, -1.5, 1.5);
        Assert.True(snr > 6, $"{snr:F1} dB");
    }

    [Fact]
    public void LostFrame_RebuiltFromTheNextPacketsFec_IsCloserThanConcealment()
    {
        OpusAudio.RequireNative();
        short[] speech = TestSignals.SpeechLike(Rate, 0.6, seed: 3);
        List<byte[]> packets = OpusAudio.Encode(OpusCodec.CreateEncoder(Rate, OpusLibrary.Native), speech, FrameSamples);
        short[] reference = OpusAudio.Decode(OpusCodec.CreateDecoder(Rate, OpusLibrary.Native), packets, FrameSamples);

        // The loudest frame once the encoder has settled.
        int lost = Enumerable.Range(10, 15).MaxBy(frame => OpusAudio.RmsDbfs(reference.AsSpan(frame * FrameSamples, FrameSamples)));
        short[] expected = reference[(lost * FrameSamples)..((lost + 1) * FrameSamples)];

        short[] RebuildLost(bool fromFec)
        {
            var decoder = OpusCodec.CreateDecoder(Rate, OpusLibrary.Native);
            var frame = new short[FrameSamples];
            for (int i = 0; i < lost; i++)
            {
                Assert.True(decoder.TryDecode(packets[i], frame));
            }

            if (fromFec)
            {
                Assert.True(decoder.TryDecodeFec(packets[lost + 1], frame));
            }
            else
            {
                decoder.Conceal(frame);
            }

            return frame;
        }

        double fec = OpusAudio.SnrDb(expected, RebuildLost(fromFec: true));
        double concealed = OpusAudio.SnrDb(expected, RebuildLost(fromFec: false));
        output.WriteLine($"lost frame {lost}: FEC {fec:F1} dB, concealment {concealed:F1} dB");
        Assert.True(fec > 6, $"FEC {fec:F1} dB");
        Assert.True(fec > concealed + 3, $"FEC {fec:F1} dB, concealment {concealed:F1} dB");
    }

    [Fact]
    public void NoPacket_Concealment_ContinuesTheToneThenFades()
    {
        OpusAudio.RequireNative();
        short[] tone = [.. Enumerable.Range(0, Rate / 2).Select(i => (short)Math.Round(8000 * Math.Sin(2 * Math.PI * 440 * i / Rate)))];
        List<byte[]> packets = OpusAudio.Encode(OpusCodec.CreateEncoder(Rate, OpusLibrary.Native), tone, FrameSamples);
        var decoder = OpusCodec.CreateDecoder(Rate, OpusLibrary.Native);
        OpusAudio.Decode(decoder, packets, FrameSamples);

        var concealed = new short[10][];
        for (int i = 0; i < concealed.Length; i++)
        {
            concealed[i] = new short[FrameSamples];
            decoder.Conceal(concealed[i]);
        }

        double first = Signal.Amplitude(concealed[0], 440, Rate);
        double last = Signal.Amplitude(concealed[^1], 440, Rate);
        output.WriteLine($"440 Hz concealed: first frame {first:F0}, tenth {last:F0} of 8000");
        Assert.True(first > 2000, $"first concealed frame {first:F0}");
        Assert.True(last < first / 4, $"tenth concealed frame {last:F0}, first {first:F0}");
    }

    /// <summary>Packets that are not 20 ms of valid Opus (RFC 6716 §3.2 and §3.4), built from a valid one.</summary>
    public static TheoryData<string> BadPackets => new()
    {
        "empty",
        "10 ms",
        "40 ms",
        "code 1, odd length",
        "code 2, frame longer than the packet",
        "code 3, no frames",
        "code 3, padding beyond the packet",
    };

    private static byte[] Bad(string name, byte[] valid)
    {
        byte toc = valid[0];
        byte[] body = valid[1..];
        return name switch
        {
            "empty" => [],

            // The same mode and bandwidth with the frame size one step shorter (config - 1).
            "10 ms" => [(byte)(toc - 8), .. body],

            // Two 20 ms frames of equal size (code 1).
            "40 ms" => [(byte)((toc & ~3) | 1), .. body, .. body],
            "code 1, odd length" => [(byte)((toc & ~3) | 1), .. body[..((body.Length - 1) | 1)]],
            "code 2, frame longer than the packet" => [(byte)((toc & ~3) | 2), 250, .. body[..10]],
            "code 3, no frames" => [(byte)(toc | 3), 0, .. body],
            "code 3, padding beyond the packet" => [(byte)(toc | 3), 0x41, 255, 255, .. body],
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    [Theory]
    [MemberData(nameof(BadPackets))]
    public void BadPacket_IsRefused_AndTheDecoderCarriesOnAsIfItNeverCame(string name)
    {
        OpusAudio.RequireNative();
        short[] speech = TestSignals.SpeechLike(Rate, 0.3, seed: 5);
        List<byte[]> packets = OpusAudio.Encode(OpusCodec.CreateEncoder(Rate, OpusLibrary.Native), speech, FrameSamples);
        Assert.Equal(0, packets[5][0] & 3);
        byte[] bad = Bad(name, packets[5]);
        var decoder = OpusCodec.CreateDecoder(Rate, OpusLibrary.Native);
        var untouched = OpusCodec.CreateDecoder(Rate, OpusLibrary.Native);
        var frame = new short[FrameSamples];
        var expected = new short[FrameSamples];
        for (int i = 0; i < 5; i++)
        {
            Assert.True(decoder.TryDecode(packets[i], frame));
            Assert.True(untouched.TryDecode(packets[i], expected));
        }

        Assert.False(decoder.TryDecode(bad, frame));
        if (name is not ("10 ms" or "40 ms"))
        {
            // Valid packets of another duration still carry FEC for the frame before them.
            Assert.False(decoder.TryDecodeFec(bad, frame));
        }

        // Had the packet touched the decoder's state, the next frame would differ.
        for (int i = 5; i < packets.Count; i++)
        {
            Assert.True(decoder.TryDecode(packets[i], frame));
            Assert.True(untouched.TryDecode(packets[i], expected));
            Assert.Equal(expected, frame);
        }
    }

    [Theory]
    [MemberData(nameof(BadPackets))]
    public void BadPacket_ToTheManagedDecoder_IsRefusedWithoutAThrow(string name)
    {
        short[] speech = TestSignals.SpeechLike(Rate, 0.1, seed: 5);
        List<byte[]> packets = OpusAudio.Encode(OpusCodec.CreateEncoder(Rate, OpusLibrary.Managed), speech, FrameSamples);
        var decoder = OpusCodec.CreateDecoder(Rate, OpusLibrary.Managed);
        var frame = new short[FrameSamples];
        Assert.True(decoder.TryDecode(packets[0], frame));

        Assert.False(decoder.TryDecode(Bad(name, packets[1]), frame));
    }
}
