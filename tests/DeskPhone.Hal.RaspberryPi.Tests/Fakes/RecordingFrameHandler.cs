namespace DeskPhone.Hal.RaspberryPi.Tests;

/// <summary>
/// Plays a continuous tone into the earpiece and keeps the first frames captured, with how many
/// bytes the audio thread had allocated when each frame arrived. Allocates nothing itself.
/// </summary>
internal sealed class RecordingFrameHandler : IAudioFrameHandler
{
    private readonly double _phaseStep;
    private readonly int _frameSamples;
    private double _phase;
    private int _frames;

    public RecordingFrameHandler(AudioFormat format, int framesToKeep, double toneHz = 1000)
    {
        _phaseStep = 2 * Math.PI * toneHz / format.SampleRate;
        _frameSamples = format.FrameSamples;
        Captured = new short[framesToKeep * format.FrameSamples];
        AllocatedBytes = new long[framesToKeep];
    }

    public short[] Captured { get; }

    /// <summary>GC.GetAllocatedBytesForCurrentThread on the audio thread as each kept frame arrived.</summary>
    public long[] AllocatedBytes { get; }

    /// <summary>Set when all the frames to keep have arrived.</summary>
    public ManualResetEventSlim Kept { get; } = new();

    public int AudioThreadId { get; private set; }

    public void RenderPlayback(Span<short> frame)
    {
        for (int i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)(8000 * Math.Sin(_phase));
            _phase = (_phase + _phaseStep) % (2 * Math.PI);
        }
    }

    public void ProcessCapture(ReadOnlySpan<short> frame)
    {
        if (_frames >= AllocatedBytes.Length)
        {
            return;
        }

        AllocatedBytes[_frames] = GC.GetAllocatedBytesForCurrentThread();
        AudioThreadId = Environment.CurrentManagedThreadId;
        frame.CopyTo(Captured.AsSpan(_frames * _frameSamples));
        if (++_frames == AllocatedBytes.Length)
        {
            Kept.Set();
        }
    }
}
