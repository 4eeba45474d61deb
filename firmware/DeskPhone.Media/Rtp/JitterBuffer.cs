namespace DeskPhone.Media.Rtp;

/// <summary>
/// A small fixed-size jitter buffer of decoded 20 ms frames keyed by RTP sequence number.
/// <para>
/// Threads: exactly one producer (the RTP receive thread) calls <see cref="Put"/> and exactly
/// one consumer (the audio thread) calls <see cref="Read"/>. The hand-off is lock-free: every
/// slot carries a volatile <c>Full</c> flag that the producer only sets (empty → full, after
/// writing the samples) and the consumer only clears (full → empty, after copying them out), so
/// a slot is never written and read at the same time.
/// </para>
/// <para>
/// Playout starts once <see cref="PrefillFrames"/> frames are buffered. A frame missing at its
/// playout time is played as silence (concealment comes later); if the buffer is empty at that
/// moment it is an underrun, and playout waits for the prefill again so the cushion is restored.
/// When the buffer holds more than <see cref="MaxDepthFrames"/> frames (burst after a network
/// stall, or a sender whose clock runs fast) the oldest frame is dropped to bound latency.
/// </para>
/// </summary>
internal sealed class JitterBuffer
{
    /// <summary>Slots in the ring; a power of two so indices survive the 16-bit wrap.</summary>
    public const int SlotCount = 16;

    public const int PrefillFrames = 2;

    public const int MaxDepthFrames = 8;

    private const int SlotMask = SlotCount - 1;

    private readonly Slot[] _slots;
    private readonly int _frameSamples;

    // Written only by the consumer, read by the producer to reject late and far-ahead packets.
    private volatile bool _playing;
    private int _nextSequence;

    // Consumer-only state: the last sequence number whose playout time has passed.
    private bool _hasPlayed;
    private ushort _lastPlayed;

    public JitterBuffer(int frameSamples)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameSamples);
        _frameSamples = frameSamples;
        _slots = new Slot[SlotCount];
        for (int i = 0; i < SlotCount; i++)
        {
            _slots[i] = new Slot(frameSamples);
        }
    }

    /// <summary>
    /// Stores one decoded frame. Producer (receive thread) only.
    /// REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public JitterBufferPut Put(ushort sequence, ReadOnlySpan<short> frame)
    {
        if (frame.Length != _frameSamples)
        {
            return JitterBufferPut.WrongSize;
        }

        if (_playing)
        {
            // Serial-number arithmetic (RFC 1982 style): the window is far smaller than 2^15,
            // so a signed 16-bit difference orders sequence numbers across the wrap.
            int ahead = (short)(sequence - (ushort)Volatile.Read(ref _nextSequence));
            if (ahead < 0)
            {
                return JitterBufferPut.Late;
            }

            if (ahead >= SlotCount)
            {
                return JitterBufferPut.TooEarly;
            }
        }

        Slot slot = _slots[sequence & SlotMask];
        if (slot.Full)
        {
            // Either this very packet again, or an older one the consumer has not released yet.
            return slot.Sequence == sequence ? JitterBufferPut.Duplicate : JitterBufferPut.SlotBusy;
        }

        frame.CopyTo(slot.Samples);
        slot.Sequence = sequence;
        slot.Full = true;
        return JitterBufferPut.Accepted;
    }

    /// <summary>
    /// Writes the next frame into <paramref name="frame"/>, or silence, and says whether it was
    /// received audio. Consumer (audio thread) only.
    /// REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public bool Read(Span<short> frame)
    {
        if (frame.Length != _frameSamples)
        {
            throw new ArgumentException($"Frame must hold {_frameSamples} samples.", nameof(frame));
        }

        if (!_playing && !TryStartPlayout())
        {
            frame.Clear();
            return false;
        }

        ushort next = (ushort)_nextSequence;
        if (IsHolding((ushort)(next + MaxDepthFrames)))
        {
            Release(next);
            next++;
        }

        Slot slot = _slots[next & SlotMask];
        bool found = false;
        if (slot.Full)
        {
            found = slot.Sequence == next;
            if (found)
            {
                slot.Samples.CopyTo(frame);
            }

            // A different sequence number here is a straggler that slipped in after its
            // playout time had passed; it can never be played, so free the slot.
            slot.Full = false;
        }

        if (!found)
        {
            frame.Clear();
            if (IsEmpty())
            {
                // Underrun: keep the position so the frame still plays if it is merely late.
                _playing = false;
                return false;
            }
        }

        _hasPlayed = true;
        _lastPlayed = next;
        Volatile.Write(ref _nextSequence, (ushort)(next + 1));
        return found;
    }

    private bool TryStartPlayout()
    {
        int buffered = 0;
        ushort earliest = 0;
        foreach (Slot slot in _slots)
        {
            if (!slot.Full)
            {
                continue;
            }

            ushort sequence = slot.Sequence;
            int sinceLastPlayed = (short)(sequence - _lastPlayed);
            if (_hasPlayed && sinceLastPlayed <= 0 && sinceLastPlayed > -SlotCount)
            {
                // Arrived after its playout time (e.g. during an underrun): never replay it.
                slot.Full = false;
                continue;
            }

            if (buffered == 0 || (short)(sequence - earliest) < 0)
            {
                earliest = sequence;
            }

            buffered++;
        }

        if (buffered < PrefillFrames)
        {
            return false;
        }

        // Publish the position before the flag so the producer never pairs "playing" with a
        // stale position from an earlier playout run.
        Volatile.Write(ref _nextSequence, earliest);
        _playing = true;
        return true;
    }

    private bool IsHolding(ushort sequence)
    {
        Slot slot = _slots[sequence & SlotMask];
        return slot.Full && slot.Sequence == sequence;
    }

    private void Release(ushort sequence)
    {
        Slot slot = _slots[sequence & SlotMask];
        if (slot.Full)
        {
            slot.Full = false;
        }

        _hasPlayed = true;
        _lastPlayed = sequence;
    }

    private bool IsEmpty()
    {
        foreach (Slot slot in _slots)
        {
            if (slot.Full)
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Slot(int frameSamples)
    {
        public readonly short[] Samples = new short[frameSamples];

        public ushort Sequence;

        /// <summary>Ownership flag: producer sets it after writing, consumer clears it after reading.</summary>
        public volatile bool Full;
    }
}
