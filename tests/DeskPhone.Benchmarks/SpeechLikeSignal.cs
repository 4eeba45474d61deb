namespace DeskPhone.Benchmarks;

/// <summary>
/// One second of speech-like audio cut into 20 ms frames, for benchmarks that cycle through it so
/// the adaptive codecs (G.722's predictors and scale factors) and the resamplers see a changing
/// signal rather than one frame over and over: a voiced buzz whose pitch glides between 100 and
/// 200 Hz (harmonics falling at 6 dB per octave, up to the band edge), breath noise, and a
/// syllable envelope of about 4 Hz that drops almost to silence between syllables. Deterministic.
/// </summary>
internal static class SpeechLikeSignal
{
    public const int FramesPerSecond = 50;

    /// <summary>Fifty frames of <paramref name="sampleRate"/> / 50 samples each.</summary>
    public static short[][] Frames(int sampleRate)
    {
        int frameSamples = sampleRate / FramesPerSecond;
        var random = new Random(20261205);
        var frames = new short[FramesPerSecond][];
        double phase = 0;
        double noise = 0;
        for (int f = 0; f < frames.Length; f++)
        {
            frames[f] = new short[frameSamples];
            for (int i = 0; i < frameSamples; i++)
            {
                double t = (double)((f * frameSamples) + i) / sampleRate;
                double pitch = 150 + (50 * Math.Sin(2 * Math.PI * 0.7 * t));
                phase += 2 * Math.PI * pitch / sampleRate;
                double voiced = 0;
                for (int k = 1; k * pitch < sampleRate / 2.5; k++)
                {
                    voiced += Math.Sin(k * phase) / k;
                }

                // First-order low-pass noise: more energy low down, as in breath and fricatives' tails.
                noise = (0.8 * noise) + (0.2 * ((random.NextDouble() * 2) - 1));
                double syllable = 0.55 - (0.45 * Math.Cos(2 * Math.PI * 4 * t));
                double sample = syllable * ((5000 * voiced) + (6000 * noise));
                frames[f][i] = (short)Math.Clamp(sample, short.MinValue, short.MaxValue);
            }
        }

        return frames;
    }
}
