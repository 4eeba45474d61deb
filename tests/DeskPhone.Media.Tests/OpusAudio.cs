using DeskPhone.Media.Codecs;

namespace DeskPhone.Media.Tests;

/// <summary>What the Opus tests share: the native library's presence, whole-signal encode and decode, and the measures.</summary>
internal static class OpusAudio
{
    /// <summary>
    /// Fails (never skips) the calling test when libopus.so.0 did not load: the phone's audio
    /// thread allocates without it, and `make deps` installs it.
    /// </summary>
    public static void RequireNative() =>
        Assert.True(OpusCodec.NativeAvailable, $"{OpusCodec.NativeLoadError}: install libopus0 (make deps)");

    /// <summary>Encodes whole 20 ms frames of <paramref name="signal"/>, one packet each.</summary>
    public static List<byte[]> Encode(OpusFrameEncoder encoder, short[] signal, int frameSamples)
    {
        var packets = new List<byte[]>();
        var packet = new byte[CodecFormats.MaxOpusPayloadBytes];
        for (int offset = 0; offset + frameSamples <= signal.Length; offset += frameSamples)
        {
            int length = encoder.Encode(signal.AsSpan(offset, frameSamples), packet);
            packets.Add(packet[..length]);
        }

        return packets;
    }

    /// <summary>Decodes every packet, asserting that each one decodes.</summary>
    public static short[] Decode(OpusFrameDecoder decoder, IReadOnlyList<byte[]> packets, int frameSamples)
    {
        var decoded = new short[packets.Count * frameSamples];
        for (int i = 0; i < packets.Count; i++)
        {
            Assert.True(decoder.TryDecode(packets[i], decoded.AsSpan(i * frameSamples, frameSamples)), $"packet {i}");
        }

        return decoded;
    }

    /// <summary>
    /// The best waveform SNR over alignments of up to 30 ms (the codec's delay), skipping the
    /// first 200 ms while the encoder settles.
    /// </summary>
    public static double AlignedSnrDb(short[] reference, short[] decoded, int sampleRate)
    {
        int skip = sampleRate / 5;
        int maxDelay = sampleRate * 30 / 1000;
        int length = Math.Min(reference.Length, decoded.Length) - skip - maxDelay;
        double best = double.NegativeInfinity;
        for (int delay = 0; delay <= maxDelay; delay++)
        {
            double signal = 0;
            double noise = 0;
            for (int i = 0; i < length; i++)
            {
                double expected = reference[skip + i];
                double error = expected - decoded[skip + delay + i];
                signal += expected * expected;
                noise += error * error;
            }

            best = Math.Max(best, 10 * Math.Log10(signal / Math.Max(noise, 1)));
        }

        return best;
    }

    /// <summary>SNR of <paramref name="actual"/> against <paramref name="reference"/>, sample for sample.</summary>
    public static double SnrDb(ReadOnlySpan<short> reference, ReadOnlySpan<short> actual)
    {
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            double error = reference[i] - actual[i];
            signal += (double)reference[i] * reference[i];
            noise += error * error;
        }

        return 10 * Math.Log10(signal / Math.Max(noise, 1));
    }

    /// <summary>Root mean square level in dB relative to full scale.</summary>
    public static double RmsDbfs(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (short sample in samples)
        {
            sum += (double)sample * sample;
        }

        return 10 * Math.Log10(Math.Max(sum / samples.Length, 1e-9) / (32768.0 * 32768.0));
    }
}
