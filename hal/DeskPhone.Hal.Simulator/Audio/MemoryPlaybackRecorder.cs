namespace DeskPhone.Hal.Simulator;

/// <summary>
/// Keeps the last few seconds of earpiece sound in memory so tests can check what the phone
/// played. The audio thread writes without locking or waiting; readers copy and then discard
/// whatever the writer may have overwritten during the copy (a seqlock-style check).
/// </summary>
public sealed class MemoryPlaybackRecorder : IAudioPlaybackSink
{
    private readonly short[] _ring;

    // Absolute sample positions. _reserved is raised before a frame's samples are stored and
    // _committed after, so a reader that sees a stored sample also sees a _reserved that
    // covers it (both sides fence between the two accesses).
    private long _reserved;
    private long _committed;

    internal MemoryPlaybackRecorder(int capacitySamples)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacitySamples);
        _ring = new short[capacitySamples];
    }

    /// <summary>How many samples the recorder keeps at most.</summary>
    public int Capacity => _ring.Length;

    string IAudioPlaybackSink.Description => "memory recorder";

    /// <summary>
    /// The most recent samples, oldest first: up to <see cref="Capacity"/>, all intact.
    /// THREAD: any; several readers may call it at once.
    /// </summary>
    public short[] Snapshot()
    {
        long committed = Volatile.Read(ref _committed);
        int count = (int)Math.Min(committed, _ring.Length);
        long first = committed - count;
        var copy = new short[count];
        CopyOut(first, copy);

        // Pairs with the writer's fence: any slot overwritten while we copied shows up in _reserved.
        Interlocked.MemoryBarrier();
        long firstIntact = Volatile.Read(ref _reserved) - _ring.Length;
        if (firstIntact <= first)
        {
            return copy;
        }

        int damaged = (int)Math.Min(count, firstIntact - first);
        return copy[damaged..];
    }

    void IAudioPlaybackSink.Open(AudioFormat format)
    {
        // The ring was allocated up front; a new run keeps appending to the same history.
    }

    // REAL-TIME: no allocation, no lock, no logging
    void IAudioPlaybackSink.Write(ReadOnlySpan<short> frame)
    {
        if (frame.Length > _ring.Length)
        {
            frame = frame[^_ring.Length..];
        }

        long start = _committed;
        long end = start + frame.Length;
        Volatile.Write(ref _reserved, end);
        Interlocked.MemoryBarrier();

        int at = (int)(start % _ring.Length);
        int first = Math.Min(frame.Length, _ring.Length - at);
        frame[..first].CopyTo(_ring.AsSpan(at));
        frame[first..].CopyTo(_ring);

        Volatile.Write(ref _committed, end);
    }

    void IAudioPlaybackSink.Close()
    {
        // Kept in memory for readers after the run.
    }

    private void CopyOut(long first, Span<short> destination)
    {
        int at = (int)(first % _ring.Length);
        int head = Math.Min(destination.Length, _ring.Length - at);
        _ring.AsSpan(at, head).CopyTo(destination);
        _ring.AsSpan(0, destination.Length - head).CopyTo(destination[head..]);
    }
}
