namespace DeskPhone.Media.Tones;

/// <summary>On/off timing of a call-progress tone in samples; <see cref="OffSamples"/> 0 means continuous.</summary>
internal readonly record struct ToneCadence(int OnSamples, int OffSamples)
{
    public static ToneCadence For(CallProgressTone tone, int sampleRate) => tone switch
    {
        CallProgressTone.Dial => new(sampleRate, 0),
        CallProgressTone.Ringback => new(sampleRate, 4 * sampleRate),
        CallProgressTone.Busy => new(sampleRate / 2, sampleRate / 2),
        CallProgressTone.Congestion => new(sampleRate / 5, sampleRate / 5),
        _ => throw new ArgumentOutOfRangeException(nameof(tone), tone, "No cadence for this tone."),
    };

    public int PeriodSamples => OnSamples + OffSamples;
}
