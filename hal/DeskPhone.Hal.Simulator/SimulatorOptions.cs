namespace DeskPhone.Hal.Simulator;

/// <summary>
/// How the simulated hardware is built; bound from the "Simulator" configuration section.
/// The properties have setters, not init: the configuration binding source generator (used for
/// Native AOT) silently skips init-only properties.
/// </summary>
public sealed record SimulatorOptions
{
    public const string SectionName = "Simulator";

    public int Columns { get; set; } = 20;

    public int Rows { get; set; } = 4;

    /// <summary>
    /// Samples per second: 8000 (matches G.711 without resampling), 16000 (wideband G.722) or
    /// 48000 (as a USB handset; the media engine converts to and from 16000).
    /// </summary>
    public int SampleRate { get; set; } = 8000;

    /// <summary>Audio period; 20 ms is the usual RTP packetisation time.</summary>
    public int FrameMilliseconds { get; set; } = 20;

    /// <summary>
    /// 1–99: the audio thread asks for SCHED_FIFO at this priority, as on the phone
    /// (Hal:Audio:RealtimePriority); 0: it does not ask. Without CAP_SYS_NICE or an RLIMIT_RTPRIO
    /// allowance (a PC's usual case) one warning is logged and the thread runs at normal priority.
    /// </summary>
    public int AudioRealtimePriority { get; set; } = 50;

    public SimulatorCaptureSource CaptureSource { get; set; } = SimulatorCaptureSource.Silence;

    public double CaptureToneHz { get; set; } = 1000;

    /// <summary>Peak sample value of the capture tone, 0–32767 (the default is about −12 dBFS).</summary>
    public int CaptureToneAmplitude { get; set; } = 8192;

    /// <summary>A 16-bit PCM mono WAV file at <see cref="SampleRate"/>, used when <see cref="CaptureSource"/> is Wav.</summary>
    public string? CaptureWavPath { get; set; }

    public SimulatorPlaybackSink PlaybackSink { get; set; } = SimulatorPlaybackSink.None;

    /// <summary>Where the Wav sink (and Auto without a sound device) records.</summary>
    public string PlaybackWavPath { get; set; } = "deskphone-earpiece.wav";

    /// <summary>How much earpiece sound the Memory sink keeps.</summary>
    public int MemoryRecorderSeconds { get; set; } = 10;

    internal AudioFormat AudioFormat => new(SampleRate, SampleRate * FrameMilliseconds / 1000);

    /// <summary>
    /// Every problem with these options, each starting with the configuration key it is about
    /// (e.g. "Simulator:CaptureWavPath: file not found: 'x.wav'"); empty when they are usable.
    /// Reads the capture WAV file to check its format.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Check(bool ok, string key, string problem)
        {
            if (!ok)
            {
                errors.Add($"{SectionName}:{key}: {problem}");
            }
        }

        Check(Columns is >= 1 and <= 80, nameof(Columns), $"must be 1–80, is {Columns}");
        Check(Rows is >= 1 and <= 16, nameof(Rows), $"must be 1–16, is {Rows}");
        Check(SampleRate is 8000 or 16000 or 48000, nameof(SampleRate), $"must be 8000, 16000 or 48000 (the media engine's device rates), is {SampleRate}");
        Check(FrameMilliseconds == 20, nameof(FrameMilliseconds), $"must be 20 (the media engine's frame), is {FrameMilliseconds}");
        Check(AudioRealtimePriority is >= 0 and <= 99, nameof(AudioRealtimePriority), $"must be 0 (off) or 1–99, is {AudioRealtimePriority}");
        Check(Enum.IsDefined(CaptureSource), nameof(CaptureSource), $"unknown source {CaptureSource}");
        Check(Enum.IsDefined(PlaybackSink), nameof(PlaybackSink), $"unknown sink {PlaybackSink}");
        Check(MemoryRecorderSeconds is >= 1 and <= 600, nameof(MemoryRecorderSeconds), $"must be 1–600, is {MemoryRecorderSeconds}");

        if (CaptureSource == SimulatorCaptureSource.Tone)
        {
            Check(
                CaptureToneHz > 0 && CaptureToneHz < SampleRate / 2.0,
                nameof(CaptureToneHz),
                $"must be above 0 and below half the sample rate ({SampleRate / 2} Hz), is {CaptureToneHz}");
            Check(
                CaptureToneAmplitude is >= 0 and <= short.MaxValue,
                nameof(CaptureToneAmplitude),
                $"must be 0–32767, is {CaptureToneAmplitude}");
        }

        if (CaptureSource == SimulatorCaptureSource.Wav)
        {
            ValidateCaptureWav(Check);
        }

        if (PlaybackSink is SimulatorPlaybackSink.Wav or SimulatorPlaybackSink.Auto)
        {
            ValidatePlaybackWav(Check);
        }

        return errors;
    }

    private void ValidateCaptureWav(Action<bool, string, string> check)
    {
        if (string.IsNullOrWhiteSpace(CaptureWavPath))
        {
            check(false, nameof(CaptureWavPath), "required when CaptureSource is Wav");
        }
        else if (!File.Exists(CaptureWavPath))
        {
            check(false, nameof(CaptureWavPath), $"file not found: '{CaptureWavPath}'");
        }
        else if (SampleRate > 0 && WavCaptureSource.TryLoad(CaptureWavPath, SampleRate, out string error) is null)
        {
            check(false, nameof(CaptureWavPath), $"'{CaptureWavPath}': {error}");
        }
    }

    private void ValidatePlaybackWav(Action<bool, string, string> check)
    {
        if (string.IsNullOrWhiteSpace(PlaybackWavPath))
        {
            check(false, nameof(PlaybackWavPath), $"required when PlaybackSink is {PlaybackSink}");
            return;
        }

        string? directory = Path.GetDirectoryName(Path.GetFullPath(PlaybackWavPath));
        check(
            directory is null || Directory.Exists(directory),
            nameof(PlaybackWavPath),
            $"directory not found: '{directory}'");
    }
}
