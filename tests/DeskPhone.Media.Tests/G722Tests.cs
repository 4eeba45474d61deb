using DeskPhone.Media.Codecs;

namespace DeskPhone.Media.Tests;

public sealed class G722Tests
{
    private const int SampleRate = 16000;

    /// <summary>
    /// Analysis plus synthesis QMF at 16 kHz: 11.5 samples each way for two 24-tap filters,
    /// less the half sample by which the synthesis puts its first output of a pair first.
    /// </summary>
    private const int CodecDelay = 22;

    private static short[] RoundTrip(short[] samples)
    {
        var codes = new byte[samples.Length / 2];
        new G722Encoder().Encode(samples, codes);
        var decoded = new short[samples.Length];
        new G722Decoder().Decode(codes, decoded);
        return decoded;
    }

    private static short[] Sine(double frequency, double amplitude, double seconds) =>
        [.. Enumerable.Range(0, (int)(SampleRate * seconds)).Select(i => (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * i / SampleRate)))];

    private static double SnrDb(ReadOnlySpan<short> reference, ReadOnlySpan<short> actual)
    {
        double signal = 0, noise = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            signal += (double)reference[i] * reference[i];
            noise += Math.Pow(reference[i] - actual[i], 2);
        }

        return 10 * Math.Log10(signal / noise);
    }

    [Fact]
    public void InverseLogTable_IsTwoToTheIOver32TimesTwoToThe11()
    {
        for (int i = 0; i < 32; i++)
        {
            Assert.Equal((int)Math.Round(2048 * Math.Pow(2, i / 32.0)), G722Tables.InverseLog[i]);
        }
    }

    [Theory]
    [InlineData(300)]
    [InlineData(1000)]
    [InlineData(3000)]
    public void EncodeDecode_Sine_ComesBackDelayedBy22SamplesWithHighSnr(double frequency)
    {
        short[] input = Sine(frequency, 10000, 0.5);

        short[] output = RoundTrip(input);

        // Skip the first 100 ms while the scale factors adapt; G.722 keeps a mid-level sine far
        // above 30 dB (about 47 dB at 1 kHz).
        int start = SampleRate / 10;
        double snr = SnrDb(input.AsSpan(start - CodecDelay, 4000), output.AsSpan(start, 4000));
        Assert.True(snr > 30, $"SNR {snr:F1} dB at {frequency} Hz");
    }

    [Fact]
    public void EncodeDecode_6kHzTone_PassesWhatTelephoneBandG711CannotCarry()
    {
        short[] input = Sine(6000, 10000, 0.5);

        short[] output = RoundTrip(input);

        double amplitude = Signal.Amplitude(output.AsSpan(SampleRate / 10), 6000, SampleRate);
        Assert.InRange(amplitude, 8500, 11500);
    }

    [Fact]
    public void EncodeDecode_Silence_StaysSilent()
    {
        short[] output = RoundTrip(new short[SampleRate / 10]);

        // The adaptive quantisers settle at their smallest step, a few units of idle noise.
        Assert.All(output, sample => Assert.InRange(sample, -4, 4));
    }

    [Fact]
    public void Encode_InPiecesOrAtOnce_GivesTheSameOctets()
    {
        short[] input = TestSignals.SpeechLike(SampleRate, 0.5, seed: 2);
        var whole = new byte[input.Length / 2];
        new G722Encoder().Encode(input, whole);

        var pieces = new byte[input.Length / 2];
        var encoder = new G722Encoder();
        for (int offset = 0; offset < input.Length; offset += 320)
        {
            encoder.Encode(input.AsSpan(offset, 320), pieces.AsSpan(offset / 2));
        }

        Assert.Equal(whole, pieces);
    }

    [Fact]
    public void Encode_OddSampleCountOrShortDestination_Throws()
    {
        Assert.Throws<ArgumentException>(() => new G722Encoder().Encode(new short[3], new byte[2]));
        Assert.Throws<ArgumentException>(() => new G722Encoder().Encode(new short[4], new byte[1]));
        Assert.Throws<ArgumentException>(() => new G722Decoder().Decode(new byte[2], new short[3]));
    }
}
