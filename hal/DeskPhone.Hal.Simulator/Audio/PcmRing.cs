namespace DeskPhone.Hal.Simulator;

/// <summary>
/// A fixed-size single-producer single-consumer queue of samples. The producer (the audio
/// thread) never waits: when the consumer falls behind, whole frames are refused instead.
/// Each side owns one counter and only reads the other's, so release/acquire ordering
/// (Volatile) is all the synchronisation needed.
/// </summary>
internal sealed class PcmRing
{
    private readonly short[] _buffer;
    private long _written;
    private long _read;

    public PcmRing(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _buffer = new short[capacity];
    }

    /// <summary>Queues all of <paramref name="samples"/>, or nothing when they do not fit. THREAD: the producer.</summary>
    // REAL-TIME: no allocation, no lock, no logging
    public bool TryWrite(ReadOnlySpan<short> samples)
    {
        long written = _written;
        long free = _buffer.Length - (written - Volatile.Read(ref _read));
        if (samples.Length > free)
        {
            return false;
        }

        int start = (int)(written % _buffer.Length);
        int first = Math.Min(samples.Length, _buffer.Length - start);
        samples[..first].CopyTo(_buffer.AsSpan(start));
        samples[first..].CopyTo(_buffer);

        // Publishes the samples: the consumer's acquire of _written sees them complete.
        Volatile.Write(ref _written, written + samples.Length);
        return true;
    }

    /// <summary>Dequeues up to <paramref name="destination"/>'s length; returns how many. THREAD: the consumer.</summary>
    public int Read(Span<short> destination)
    {
        long read = _read;
        int count = (int)Math.Min(destination.Length, Volatile.Read(ref _written) - read);
        int start = (int)(read % _buffer.Length);
        int first = Math.Min(count, _buffer.Length - start);
        _buffer.AsSpan(start, first).CopyTo(destination);
        _buffer.AsSpan(0, count - first).CopyTo(destination[first..]);

        // Frees the slots only after they were copied out.
        Volatile.Write(ref _read, read + count);
        return count;
    }
}
