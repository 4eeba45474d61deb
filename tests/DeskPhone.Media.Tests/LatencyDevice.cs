using DeskPhone.Hal;

namespace DeskPhone.Media.Tests;

/// <summary>
/// A sound card's timing as the audio engine sees it, in device samples from the moment capture
/// started: callback <c>p</c> runs when capture frame <c>p</c> is complete, at (p + 1) frames;
/// it takes that frame and renders one earpiece frame, whose sample <c>k</c> plays
/// <see cref="PlaybackLead"/> + k samples later.
/// </summary>
/// <param name="Name">For test output.</param>
/// <param name="Format">Rate and 20 ms frame the engine is called with.</param>
/// <param name="PeriodSamples">The device period: how often the card interrupts.</param>
/// <param name="PlaybackLead">How long after its callback a rendered frame starts to play.</param>
internal sealed record LatencyDevice(string Name, AudioFormat Format, int PeriodSamples, int PlaybackLead)
{
    /// <summary>
    /// The simulator (`SimulatedAudioDevice`, 8 kHz by default): one thread wakes once per
    /// frame, so its period is the frame, and hands the rendered frame to the sink at once.
    /// </summary>
    public static LatencyDevice Simulator(int sampleRate) =>
        new($"simulator {sampleRate / 1000} kHz", new AudioFormat(sampleRate, sampleRate / 50), sampleRate / 50, 0);

    /// <summary>
    /// The Raspberry Pi (`AlsaAudioDevice`, 16 kHz and 10 ms ALSA periods by default): playback
    /// is primed with a frame and a period of silence before capture starts, so when the
    /// callback of a frame writes its earpiece frame, one period is still queued before it.
    /// </summary>
    public static LatencyDevice RaspberryPi(int sampleRate) =>
        new($"Raspberry Pi {sampleRate / 1000} kHz", new AudioFormat(sampleRate, sampleRate / 50), sampleRate / 100, sampleRate / 100);

    public int FrameSamples => Format.FrameSamples;

    /// <summary>The aim of issue 4: one 20 ms frame plus one device period, in samples.</summary>
    public int Aim => FrameSamples + PeriodSamples;

    /// <summary>When callback <paramref name="p"/> (from 0) runs: its capture frame is complete.</summary>
    public long CallbackTime(int p) => (p + 1L) * FrameSamples;

    /// <summary>When sample <paramref name="index"/> of the rendered earpiece stream (frame after frame from callback 0) plays.</summary>
    public long PlayTime(int index) => CallbackTime(index / FrameSamples) + PlaybackLead + (index % FrameSamples);

    public double Milliseconds(long samples) => samples * 1000.0 / Format.SampleRate;

    public override string ToString() => Name;
}
