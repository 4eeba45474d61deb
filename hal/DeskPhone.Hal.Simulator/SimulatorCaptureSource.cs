namespace DeskPhone.Hal.Simulator;

/// <summary>What the simulated microphone hears.</summary>
public enum SimulatorCaptureSource
{
    Silence,

    /// <summary>A sine tone of <see cref="SimulatorOptions.CaptureToneHz"/>.</summary>
    Tone,

    /// <summary><see cref="SimulatorOptions.CaptureWavPath"/>, looped.</summary>
    Wav,
}
