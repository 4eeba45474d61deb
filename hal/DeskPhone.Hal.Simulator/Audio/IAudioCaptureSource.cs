namespace DeskPhone.Hal.Simulator;

/// <summary>What the simulated microphone hears.</summary>
internal interface IAudioCaptureSource
{
    /// <summary>Fills <paramref name="frame"/> entirely. THREAD: the audio thread.</summary>
    // REAL-TIME: no allocation, no lock, no logging
    void Read(Span<short> frame);
}
