namespace DeskPhone.Hal.RaspberryPi;

/// <summary>The handset codec through ALSA ("Hal:Audio").</summary>
public sealed class AudioOptions
{
    /// <summary>
    /// ALSA PCM names (see `arecord -L` / `aplay -L`). The default is the first USB audio
    /// adapter, which most USB handsets and C-Media dongles call "Device"; "plughw" converts
    /// its 44.1/48 kHz to the phone's rate. An I2S codec board is e.g. "plughw:CARD=sndrpihifiberry".
    /// </summary>
    public string CaptureDevice { get; set; } = "plughw:CARD=Device,DEV=0";

    public string PlaybackDevice { get; set; } = "plughw:CARD=Device,DEV=0";

    /// <summary>
    /// Samples per second: 16000, 8000 or 48000. 16000 carries G.722's wideband audio as it is;
    /// G.711 calls are resampled to and from it. At 8000 a G.722 call still works but sounds like
    /// G.711. 48000, the only rate of many USB handsets and I2S codecs (a "hw:" device without
    /// ALSA's conversion), is converted by the media engine to and from 16000 (2.1 ms each way).
    /// </summary>
    public int SampleRate { get; set; } = 16000;

    /// <summary>Audio handed to the phone per call of the frame handler; the media engine takes 20 ms.</summary>
    public int FrameMilliseconds { get; set; } = 20;

    /// <summary>ALSA period: the device wakes the audio thread this often. A frame is a whole number of periods.</summary>
    public int PeriodMilliseconds { get; set; } = 10;

    /// <summary>ALSA ring buffer length, in periods.</summary>
    public int BufferPeriods { get; set; } = 4;

    /// <summary>
    /// 1–99 runs the audio thread under SCHED_FIFO at this priority, above every ordinary thread
    /// (needs an RLIMIT_RTPRIO of at least this much, e.g. systemd's LimitRTPRIO=50 as the
    /// image's service sets, or CAP_SYS_NICE); 0 leaves it under the normal scheduler. When the
    /// kernel refuses, a warning is logged once and the thread runs at normal priority.
    /// </summary>
    public int RealtimePriority { get; set; } = 50;
}
