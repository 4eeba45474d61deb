namespace DeskPhone.Hal.Simulator;

/// <summary>Where the simulated earpiece's sound goes.</summary>
public enum SimulatorPlaybackSink
{
    /// <summary>Discarded.</summary>
    None,

    /// <summary>Recorded to <see cref="SimulatorOptions.PlaybackWavPath"/>.</summary>
    Wav,

    /// <summary>Played on the PC's default ALSA device through aplay; discarded when there is none.</summary>
    Alsa,

    /// <summary>Kept in memory for tests (<see cref="SimulatedAudioDevice.Recorder"/>).</summary>
    Memory,

    /// <summary>Alsa when the PC has a playback device, otherwise Wav.</summary>
    Auto,
}
