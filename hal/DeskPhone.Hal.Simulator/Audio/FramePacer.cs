namespace DeskPhone.Hal.Simulator;

/// <summary>
/// When each audio frame is due, on a monotonic timestamp scale (Stopwatch ticks in use).
/// Deadlines are computed from a fixed start and the frame count, not by adding a rounded
/// period to the previous deadline, so rounding and sleep jitter never accumulate into drift.
/// </summary>
internal struct FramePacer
{
    private readonly long _ticksPerSecond;
    private readonly int _sampleRate;
    private readonly int _frameSamples;
    private readonly long _lateLimitTicks;
    private long _startTicks;
    private long _frameIndex;

    /// <param name="lateLimitFrames">How many frames late the pacer may fall before it gives up catching up.</param>
    public FramePacer(AudioFormat format, long ticksPerSecond, int lateLimitFrames)
    {
        _ticksPerSecond = ticksPerSecond;
        _sampleRate = format.SampleRate;
        _frameSamples = format.FrameSamples;
        _lateLimitTicks = TicksFor((long)lateLimitFrames * format.FrameSamples);
        _startTicks = 0;
        _frameIndex = 0;
    }

    /// <summary>When the next frame is due.</summary>
    public readonly long Deadline => _startTicks + TicksFor(_frameIndex * _frameSamples);

    /// <summary>Makes the next frame due at <paramref name="now"/>.</summary>
    // REAL-TIME: no allocation, no lock, no logging
    public void Restart(long now)
    {
        _startTicks = now;
        _frameIndex = 0;
    }

    /// <summary>
    /// Moves on to the next frame after one was processed. Returns true for an overrun: the
    /// next frame's deadline had already passed by more than the late limit at
    /// <paramref name="now"/>, so the pacer restarts from <paramref name="now"/> instead of
    /// bursting frames to catch up.
    /// </summary>
    // REAL-TIME: no allocation, no lock, no logging
    public bool Advance(long now)
    {
        _frameIndex++;
        if (now - Deadline <= _lateLimitTicks)
        {
            return false;
        }

        Restart(now);
        return true;
    }

    /// <summary>
    /// The duration of <paramref name="samples"/> in ticks, split into whole seconds and a
    /// remainder so the product cannot overflow however long the device runs (samples × 10⁹
    /// ticks/s would overflow a long after about two weeks at 8 kHz).
    /// </summary>
    // REAL-TIME: no allocation, no lock, no logging
    internal static long Ticks(long samples, int sampleRate, long ticksPerSecond) =>
        (samples / sampleRate * ticksPerSecond) + (samples % sampleRate * ticksPerSecond / sampleRate);

    private readonly long TicksFor(long samples) => Ticks(samples, _sampleRate, _ticksPerSecond);
}
