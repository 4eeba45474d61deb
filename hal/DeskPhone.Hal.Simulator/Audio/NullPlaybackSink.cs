namespace DeskPhone.Hal.Simulator;

/// <summary>Discards the earpiece sound.</summary>
internal sealed class NullPlaybackSink : IAudioPlaybackSink
{
    public string Description => "none";

    public void Open(AudioFormat format)
    {
        // Nothing to prepare: the sound is discarded.
    }

    // REAL-TIME: no allocation, no lock, no logging
    public void Write(ReadOnlySpan<short> frame)
    {
        // Discarding is this sink's whole job.
    }

    public void Close()
    {
        // Nothing was opened.
    }
}
