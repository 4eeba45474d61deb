namespace DeskPhone.Hal.RaspberryPi;

/// <summary>
/// One open, configured PCM stream (16-bit mono): what the audio loop needs of ALSA. Results
/// follow alsa-lib: zero or a frame count on success, −errno on failure.
/// </summary>
internal interface IPcmStream : IDisposable
{
    string Name { get; }

    /// <summary>The period the device settled on, in frames.</summary>
    int PeriodFrames { get; }

    /// <summary>The ring buffer the device settled on, in frames.</summary>
    int BufferFrames { get; }

    int Prepare();

    int Start();

    /// <summary>Stops at once, discarding what is buffered.</summary>
    int Drop();

    /// <summary>Blocks until the device has room, then writes; returns frames written or −errno. REAL-TIME safe.</summary>
    long Write(ReadOnlySpan<short> samples);

    /// <summary>Blocks until the device has captured enough, then reads; returns frames read or −errno. REAL-TIME safe.</summary>
    long Read(Span<short> samples);

    /// <summary>snd_pcm_recover: brings the stream back after an xrun (−EPIPE) or a suspend (−ESTRPIPE).</summary>
    int Recover(int error);

    /// <summary>Frames free (playback) or ready (capture), and frames between the application and the converter. REAL-TIME safe.</summary>
    int AvailDelay(out long available, out long delay);
}
