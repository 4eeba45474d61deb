namespace DeskPhone.Hal.RaspberryPi;

/// <summary>
/// What ALSA reported after the last frame (snd_pcm_avail_delay), in frames. Playback delay is how
/// long a sample written now takes to reach the earpiece; capture delay how long a sample
/// waited in the device before it was read.
/// </summary>
public readonly record struct AudioLatency(long PlaybackDelayFrames, long PlaybackAvailableFrames, long CaptureDelayFrames, long CaptureAvailableFrames);
