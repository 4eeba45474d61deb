namespace DeskPhone.Media.Dtmf;

/// <summary>
/// Digits waiting to be sent: a lock-free single-producer, single-consumer ring. The producer
/// (phone-loop thread) only advances the head, the consumer (audio thread) only the tail; each
/// publishes its index with a volatile write after touching the slot. The indices are unsigned
/// so that their difference stays right when they wrap.
/// </summary>
internal sealed class DigitQueue
{
    /// <summary>Digits that can wait at once: more than a dial string a person types ahead.</summary>
    public const int Capacity = 64;

    private readonly char[] _slots = new char[Capacity];
    private uint _head;
    private uint _tail;

    /// <summary>Adds a digit; false when full. Producer only.</summary>
    public bool TryEnqueue(char digit)
    {
        uint head = _head;
        if (head - Volatile.Read(ref _tail) == Capacity)
        {
            return false;
        }

        _slots[head % Capacity] = digit;
        Volatile.Write(ref _head, head + 1);
        return true;
    }

    /// <summary>Takes the oldest digit. Consumer only. REAL-TIME: no allocation, no lock, no logging.</summary>
    public bool TryDequeue(out char digit)
    {
        uint tail = _tail;
        if (tail == Volatile.Read(ref _head))
        {
            digit = default;
            return false;
        }

        digit = _slots[tail % Capacity];
        Volatile.Write(ref _tail, tail + 1);
        return true;
    }

    /// <summary>Drops every waiting digit. Consumer only. REAL-TIME: no allocation, no lock, no logging.</summary>
    public void Clear() => Volatile.Write(ref _tail, Volatile.Read(ref _head));
}
