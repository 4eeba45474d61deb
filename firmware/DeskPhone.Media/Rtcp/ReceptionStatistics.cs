namespace DeskPhone.Media.Rtcp;

/// <summary>
/// Sequence-number bookkeeping of the peer's RTP source for reception reports (RFC 3550 §A.1,
/// §A.3): extended highest sequence number, packets expected and received, loss.
/// <para>
/// Threads: <see cref="Add"/> is called by the RTP receive thread only; the getters and
/// <see cref="TakeFractionLost"/> by the RTCP report timer only. Each shared value is one 64-bit
/// field read and written atomically; a report built while a resync happens may mix old and
/// new values once, which the next report corrects.
/// </para>
/// </summary>
internal sealed class ReceptionStatistics
{
    // §A.1: a jump of more than MaxDropout ahead, or MaxMisorder behind, is not taken as
    // in-sequence until the next packet confirms it (the sender restarted).
    private const int MaxDropout = 3000;
    private const int MaxMisorder = 100;
    private const int SequenceModulus = 1 << 16;

    // Receive-thread state.
    private bool _started;
    private ushort _maxSequence;
    private long _cycles;
    private int _badSequence = -1;

    // Shared with the report timer.
    private long _ssrc;
    private long _baseSequence;
    private long _extendedMax;
    private long _received;

    // Report-timer state.
    private long _expectedPrior;
    private long _receivedPrior;

    public bool HasSource => Interlocked.Read(ref _received) > 0;

    public uint Ssrc => (uint)Interlocked.Read(ref _ssrc);

    public long Received => Interlocked.Read(ref _received);

    /// <summary>Cycles in the high 16 bits, highest sequence number in the low (§6.4.1).</summary>
    public uint ExtendedHighestSequence => (uint)Interlocked.Read(ref _extendedMax);

    public long Expected => Interlocked.Read(ref _extendedMax) - Interlocked.Read(ref _baseSequence) + 1;

    /// <summary>Expected less received; negative when duplicates arrived (§6.4.1).</summary>
    public long CumulativeLost => HasSource ? Expected - Received : 0;

    /// <summary>Counts one packet of the peer's audio source. RTP receive thread; allocation-free.</summary>
    public void Add(uint ssrc, ushort sequence)
    {
        if (!_started || ssrc != (uint)Interlocked.Read(ref _ssrc))
        {
            Interlocked.Exchange(ref _ssrc, ssrc);
            Restart(sequence);
            return;
        }

        int ahead = (ushort)(sequence - _maxSequence);
        if (ahead < MaxDropout)
        {
            if (sequence < _maxSequence)
            {
                _cycles += SequenceModulus;
            }

            _maxSequence = sequence;
        }
        else if (ahead <= SequenceModulus - MaxMisorder)
        {
            if (sequence != _badSequence)
            {
                _badSequence = (ushort)(sequence + 1);
                return;
            }

            Restart(sequence);
            return;
        }

        Interlocked.Exchange(ref _extendedMax, _cycles + _maxSequence);
        Interlocked.Increment(ref _received);
    }

    /// <summary>
    /// The fraction of packets lost since the previous call, in 1/256 (§A.3), for the next
    /// report block; 0 after a restart of the source's numbering. Report timer only.
    /// </summary>
    public byte TakeFractionLost()
    {
        long expected = Expected;
        long received = Received;
        long expectedInterval = expected - _expectedPrior;
        long lostInterval = expectedInterval - (received - _receivedPrior);
        _expectedPrior = expected;
        _receivedPrior = received;
        return expectedInterval <= 0 || lostInterval <= 0 ? (byte)0 : (byte)Math.Min(255, (lostInterval << 8) / expectedInterval);
    }

    private void Restart(ushort sequence)
    {
        _started = true;
        _maxSequence = sequence;
        _cycles = 0;
        _badSequence = -1;
        Interlocked.Exchange(ref _baseSequence, sequence);
        Interlocked.Exchange(ref _extendedMax, sequence);
        Interlocked.Exchange(ref _received, 1);
    }
}
