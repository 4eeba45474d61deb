namespace DeskPhone.Hal.Simulator;

/// <summary>Where the simulated earpiece's sound goes.</summary>
internal interface IAudioPlaybackSink
{
    /// <summary>What the sound goes to, for status lines ("aplay", "WAV file x", "none").</summary>
    string Description { get; }

    /// <summary>Prepares for a run. THREAD: the caller of <see cref="IAudioDevice.Start"/>, before the audio thread starts.</summary>
    void Open(AudioFormat format);

    /// <summary>Takes one frame; the span is only valid during the call. THREAD: the audio thread.</summary>
    // REAL-TIME: no allocation, no lock, no logging
    void Write(ReadOnlySpan<short> frame);

    /// <summary>Finishes a run. THREAD: the caller of <see cref="IAudioDevice.Stop"/>, after the audio thread ended.</summary>
    void Close();
}
