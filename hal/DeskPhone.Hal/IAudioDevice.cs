namespace DeskPhone.Hal;

/// <summary>Sample format of the handset audio path: 16-bit signed mono PCM.</summary>
public readonly record struct AudioFormat(int SampleRate, int FrameSamples)
{
    public TimeSpan FrameDuration => TimeSpan.FromSeconds((double)FrameSamples / SampleRate);
}

/// <summary>
/// What the audio device calls once per period. REAL-TIME: both methods run on the audio
/// thread, which the sound card's clock drives; implementations must not allocate, block on a
/// lock, or log.
/// </summary>
public interface IAudioFrameHandler
{
    /// <summary>Fills one frame for the earpiece. Silence is written by leaving zeros.</summary>
    void RenderPlayback(Span<short> frame);

    /// <summary>Takes one frame from the microphone; the span is only valid during the call.</summary>
    void ProcessCapture(ReadOnlySpan<short> frame);
}

/// <summary>The handset codec: capture and playback, paced by the device clock.</summary>
public interface IAudioDevice
{
    AudioFormat Format { get; }

    /// <summary>Starts the audio thread, which calls <paramref name="handler"/> once per period.</summary>
    void Start(IAudioFrameHandler handler);

    /// <summary>Stops the audio thread and waits for it to end. Safe to call when stopped.</summary>
    void Stop();
}
