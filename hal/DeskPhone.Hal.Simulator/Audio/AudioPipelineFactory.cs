using Microsoft.Extensions.Logging;

namespace DeskPhone.Hal.Simulator;

/// <summary>Builds the simulated audio device that <see cref="SimulatorOptions"/> describe.</summary>
internal static class AudioPipelineFactory
{
    /// <summary>Options must have passed <see cref="SimulatorOptions.Validate"/>.</summary>
    public static SimulatedAudioDevice Create(SimulatorOptions options, ILoggerFactory loggers)
    {
        AudioFormat format = options.AudioFormat;
        ILogger logger = loggers.CreateLogger<SimulatedAudioDevice>();
        return new SimulatedAudioDevice(format, CreateCapture(options, format), CreatePlayback(options, format, logger), logger, options.AudioRealtimePriority);
    }

    private static IAudioCaptureSource CreateCapture(SimulatorOptions options, AudioFormat format) => options.CaptureSource switch
    {
        SimulatorCaptureSource.Tone => new ToneCaptureSource(options.CaptureToneHz, options.CaptureToneAmplitude, format.SampleRate),
        SimulatorCaptureSource.Wav => WavCaptureSource.TryLoad(options.CaptureWavPath!, format.SampleRate, out string error)
            ?? throw new ArgumentException($"{SimulatorOptions.SectionName}:{nameof(options.CaptureWavPath)}: {error}", nameof(options)),
        _ => new SilenceCaptureSource(),
    };

    private static IAudioPlaybackSink CreatePlayback(SimulatorOptions options, AudioFormat format, ILogger logger)
    {
        switch (options.PlaybackSink)
        {
            case SimulatorPlaybackSink.Wav:
                return new WavFilePlaybackSink(options.PlaybackWavPath, logger);
            case SimulatorPlaybackSink.Memory:
                return new MemoryPlaybackRecorder(Math.Max(options.MemoryRecorderSeconds * format.SampleRate, format.FrameSamples));
            case SimulatorPlaybackSink.Alsa:
            case SimulatorPlaybackSink.Auto:
                string? aplay = AlsaProbe.FindAplay();
                if (aplay is not null && AlsaProbe.HasPlaybackDevice(aplay))
                {
                    return new AplayPlaybackSink(aplay, logger);
                }

                if (options.PlaybackSink == SimulatorPlaybackSink.Auto)
                {
                    logger.LogInformation("No ALSA playback device; recording the earpiece to {Path}", options.PlaybackWavPath);
                    return new WavFilePlaybackSink(options.PlaybackWavPath, logger);
                }

                logger.LogWarning("No ALSA playback device (aplay missing, or aplay -l/-L lists none); the earpiece sound is discarded");
                return new NullPlaybackSink();
            default:
                return new NullPlaybackSink();
        }
    }
}
