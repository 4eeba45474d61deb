using DeskPhone.Media.Codecs;

namespace DeskPhone.Media.Rtp;

/// <summary>
/// An adaptive jitter buffer of RTP payloads (one 20 ms frame each) keyed by sequence number:
/// it reorders, drops duplicates and late packets, adapts its delay to the measured jitter, and
/// keeps its depth bounded when the sender's clock and the sound card's drift apart.
/// <para>
/// Threads: exactly one producer (the RTP receive thread) calls <see cref="Put"/> and exactly
/// one consumer (the audio thread) calls <see cref="Pop"/> and <see cref="TryPeekNext"/>. The
/// hand-off is lock-free: every slot carries a volatile <c>Full</c> flag that the producer only
/// sets (empty → full, after writing the payload) and the consumer only clears (full → empty,
/// after copying it out), so a slot is never written and read at the same time. Counters have
/// one writer each and are read with <see cref="Interlocked"/> from any thread.
/// </para>
/// <para>
/// Delay: the producer's <see cref="DelayEstimator"/> turns arrival times into a target of
/// <see cref="TargetFrames"/> frames (one frame, plus the recent peak lateness rounded up to
/// frames). Playout starts, and restarts after an underrun, once that many frames are buffered:
/// so the delay rises at once after a late burst. The consumer then watches the depth (frames
/// from the next to play to the newest received) once per period: if it stayed below the target
/// for <see cref="GrowWindow"/> periods it inserts one concealed frame; if for
/// <see cref="ShrinkWindow"/> periods it rose above the target and never fell below two frames
/// (one frame was never needed) it drops one frame. A depth reading lowered only because the
/// frame after the newest never arrives (lost: it plays as concealment and nothing of it comes
/// later) does not count against dropping, otherwise even 1 % loss would hold an extra frame for
/// the rest of the call; a frame that arrives late still raises the target. Growing is
/// quick and shrinking slow, and the same two rules absorb clock drift: ±0.1 % is one frame every
/// 20 s, well within one drop or insertion per window. A burst deeper than
/// <see cref="MaxDepthFrames"/> (after a network stall) is trimmed at once.
/// </para>
/// </summary>
internal sealed class JitterBuffer
{
    /// <summary>Slots in the ring; a power of two so indices survive the 16-bit wrap.</summary>
    public const int SlotCount = 32;

    public const int MinTargetFrames = 1;

    /// <summary>200 ms: beyond that a conversation suffers more from delay than from gaps (ITU-T G.114).</summary>
    public const int MaxTargetFrames = 10;

    public const int MaxDepthFrames = 16;

    /// <summary>
    /// Periods (1 s) the depth must stay below the target before a frame is inserted: long
    /// enough that, with jitter, the fullest moment of the window shows the real cushion.
    /// </summary>
    public const int GrowWindow = 50;

    /// <summary>Periods (2 s) the depth must stay above the target before a frame is dropped.</summary>
    public const int ShrinkWindow = 100;

    private const int SlotMask = SlotCount - 1;
    private const double FrameMicroseconds = CodecFormats.PacketMilliseconds * 1000.0;

    /// <summary>Lateness below this (scheduling noise of the receive thread) does not raise the target.</summary>
    private const double ToleranceMicroseconds = 2000;

    private readonly Slot[] _slots;
    private readonly DelayEstimator _estimator = new();

    // Written by the producer, read by the consumer.
    private volatile bool _received;
    private int _newestSequence;
    private volatile int _targetFrames = MinTargetFrames;
    private long _jitterMicroseconds;

    // Written only by the consumer, read by the producer to reject late and far-ahead packets.
    private volatile bool _playing;
    private int _nextSequence;

    // Consumer-only state.
    private bool _hasPlayed;
    private ushort _lastPlayed;
    private bool _dry;
    private int _growPeriods;
    private int _growMaximum;
    private int _shrinkPeriods;
    private int _shrinkMinimum = int.MaxValue;
    private int _shrinkMaximum;

    /// <summary>
    /// Per slot, the lowest depth read while that slot's sequence number was the next one still
    /// to come; it joins the shrink window's minimum once the frame turns out to have arrived.
    /// </summary>
    private readonly int[] _depthAwaiting;

    // Counters, one writer each.
    private long _late;
    private long _duplicates;
    private long _tooEarly;
    private long _underruns;
    private long _lost;
    private long _inserted;
    private long _dropped;

    public JitterBuffer(int maxPayloadBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPayloadBytes);
        MaxPayloadBytes = maxPayloadBytes;
        _slots = new Slot[SlotCount];
        _depthAwaiting = new int[SlotCount];
        Array.Fill(_depthAwaiting, int.MaxValue);
        for (int i = 0; i < SlotCount; i++)
        {
            _slots[i] = new Slot(maxPayloadBytes);
        }
    }

    public int MaxPayloadBytes { get; }

    /// <summary>
    /// Whether the last <see cref="Pop"/> skipped frames before the one it returned, so the
    /// waveform jumps there and wants smoothing. Consumer (audio thread) only.
    /// </summary>
    public bool Skipped { get; private set; }

    /// <summary>The delay the buffer aims at, in 20 ms frames.</summary>
    public int TargetFrames => _targetFrames;

    /// <summary>RFC 3550 §6.4.1 interarrival jitter of the received packets, in microseconds.</summary>
    public long JitterMicroseconds => Interlocked.Read(ref _jitterMicroseconds);

    /// <summary>Packets that arrived after their playout time.</summary>
    public long Late => Interlocked.Read(ref _late);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Packets beyond the window, or whose slot was still busy.</summary>
    public long TooEarly => Interlocked.Read(ref _tooEarly);

    /// <summary>
    /// Times the buffer ran dry while playing and the frame that was due then arrived after all:
    /// its delay was too short. (When the frames that were due never arrive they count as lost.)
    /// </summary>
    public long Underruns => Interlocked.Read(ref _underruns);

    /// <summary>Frames that never arrived before their playout time (lost, or so late that later ones came first).</summary>
    public long Lost => Interlocked.Read(ref _lost);

    /// <summary>Concealment frames inserted to grow the delay (jitter rose, or the sender's clock is slow).</summary>
    public long Inserted => Interlocked.Read(ref _inserted);

    /// <summary>Buffered frames dropped to shrink the delay (jitter fell, the sender's clock is fast, or a burst overflowed).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>
    /// Stores one packet's payload. Producer (receive thread) only.
    /// REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public JitterBufferPut Put(ushort sequence, in PacketArrival arrival, ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty || payload.Length > MaxPayloadBytes)
        {
            return JitterBufferPut.WrongSize;
        }

        // Late and duplicate packets still tell how the network delays them.
        UpdateEstimate(arrival);

        if (_playing)
        {
            // Serial-number arithmetic (RFC 1982 style): the window is far smaller than 2^15,
            // so a signed 16-bit difference orders sequence numbers across the wrap.
            int ahead = (short)(sequence - (ushort)Volatile.Read(ref _nextSequence));
            if (ahead < 0)
            {
                Interlocked.Increment(ref _late);
                return JitterBufferPut.Late;
            }

            if (ahead >= SlotCount)
            {
                Interlocked.Increment(ref _tooEarly);
                return JitterBufferPut.TooEarly;
            }
        }

        Slot slot = _slots[sequence & SlotMask];
        if (slot.Full)
        {
            // Either this very packet again, or an older one the consumer has not released yet.
            if (slot.Sequence == sequence)
            {
                Interlocked.Increment(ref _duplicates);
                return JitterBufferPut.Duplicate;
            }

            Interlocked.Increment(ref _tooEarly);
            return JitterBufferPut.SlotBusy;
        }

        payload.CopyTo(slot.Payload);
        slot.Length = payload.Length;
        slot.Sequence = sequence;
        slot.Full = true;

        ushort newest = (ushort)Volatile.Read(ref _newestSequence);
        int sinceNewest = (short)(sequence - newest);

        // A packet far behind the newest can only be accepted while playout is stopped: the
        // sender restarted its numbering, so the newest is this one.
        if (!_received || sinceNewest > 0 || sinceNewest <= -SlotCount)
        {
            Volatile.Write(ref _newestSequence, sequence);
            _received = true;
        }

        return JitterBufferPut.Accepted;
    }

    /// <summary>
    /// Takes what plays in the next 20 ms period: the next frame's payload into
    /// <paramref name="payload"/> (at least <see cref="MaxPayloadBytes"/> long) with its length in
    /// <paramref name="length"/>, or the reason there is none. Consumer (audio thread) only.
    /// REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public JitterPop Pop(Span<byte> payload, out int length)
    {
        length = 0;
        Skipped = false;
        if (payload.Length < MaxPayloadBytes)
        {
            throw new ArgumentException($"The payload buffer must hold {MaxPayloadBytes} octets.", nameof(payload));
        }

        if (!_playing && !TryStartPlayout())
        {
            return _hasPlayed ? JitterPop.Underrun : JitterPop.Idle;
        }

        ushort next = (ushort)_nextSequence;
        int depth = Depth(next);
        if (depth == 0)
        {
            // The buffer ran dry: keep the position so the frame still plays if it is merely
            // late. Whether it was late (an underrun) or lost is known when playout restarts.
            _playing = false;
            _dry = true;
            return JitterPop.Underrun;
        }

        while (depth > MaxDepthFrames)
        {
            Skip(ref next);
            depth--;
        }

        switch (Adapt(next, depth))
        {
            case > 0:
                Interlocked.Increment(ref _inserted);
                return JitterPop.Inserted;
            case < 0:
                Skip(ref next);
                break;
        }

        Slot slot = _slots[next & SlotMask];
        JitterPop result = JitterPop.Lost;
        if (slot.Full)
        {
            if (slot.Sequence == next)
            {
                slot.Payload.AsSpan(0, slot.Length).CopyTo(payload);
                length = slot.Length;
                result = JitterPop.Frame;
            }

            // A different sequence number here is a straggler that slipped in after its
            // playout time had passed; it can never be played, so free the slot.
            slot.Full = false;
        }

        if (result == JitterPop.Lost)
        {
            Interlocked.Increment(ref _lost);
        }

        Settle(next, result == JitterPop.Frame);

        Advance(next);
        return result;
    }

    /// <summary>
    /// Copies the payload of the frame that plays next without taking it, when it is buffered:
    /// after a <see cref="JitterPop.Lost"/> frame, its in-band forward error correction can
    /// recover the lost one (Opus, RFC 6716 §2.1.7). Consumer (audio thread) only.
    /// REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public bool TryPeekNext(Span<byte> payload, out int length)
    {
        length = 0;
        ushort next = (ushort)_nextSequence;
        Slot slot = _slots[next & SlotMask];
        if (!_playing || !slot.Full || slot.Sequence != next || payload.Length < slot.Length)
        {
            return false;
        }

        slot.Payload.AsSpan(0, slot.Length).CopyTo(payload);
        length = slot.Length;
        return true;
    }

    private void UpdateEstimate(in PacketArrival arrival)
    {
        _estimator.Add(arrival);
        double lateness = Math.Max(0, _estimator.PeakLatenessMicroseconds - ToleranceMicroseconds);
        int target = MinTargetFrames + (int)Math.Ceiling(lateness / FrameMicroseconds);
        _targetFrames = Math.Clamp(target, MinTargetFrames, MaxTargetFrames);
        Interlocked.Exchange(ref _jitterMicroseconds, (long)_estimator.JitterMicroseconds);
    }

    /// <summary>Frames from <paramref name="next"/> to the newest received, both included; 0 when none is due.</summary>
    private int Depth(ushort next)
    {
        int depth = (short)((ushort)Volatile.Read(ref _newestSequence) - next) + 1;
        return depth < 0 ? 0 : depth;
    }

    /// <summary>+1 to insert a frame, -1 to drop one, 0 to play on; called once per playing period.</summary>
    private int Adapt(ushort next, int depth)
    {
        int target = _targetFrames;
        _growMaximum = Math.Max(_growMaximum, depth);
        _shrinkMaximum = Math.Max(_shrinkMaximum, depth);

        // The depth ends where the frame after the newest is still to come. Whether this reading
        // counts depends on that frame (see Settle), so it waits in the frame's slot.
        ref int awaiting = ref _depthAwaiting[(ushort)(next + depth) & SlotMask];
        awaiting = Math.Min(awaiting, depth);

        int decision = 0;
        if (++_growPeriods >= GrowWindow)
        {
            // Even the fullest moment held less than the target: the cushion is too thin.
            if (_growMaximum < target)
            {
                decision = 1;
            }

            _growPeriods = 0;
            _growMaximum = 0;
        }

        if (++_shrinkPeriods >= ShrinkWindow)
        {
            // At least one frame was never needed (the emptiest moment still held two) and the
            // fullest moment held more than the target, so dropping one cannot trigger the
            // growing rule above.
            if (decision == 0 && _shrinkMinimum >= 2 && _shrinkMaximum > target)
            {
                decision = -1;
            }

            _shrinkPeriods = 0;
            _shrinkMinimum = int.MaxValue;
            _shrinkMaximum = 0;
        }

        return decision;
    }

    /// <summary>
    /// The frame <paramref name="sequence"/> is played, found lost or dropped: the depths read
    /// while it was the next to come count if it arrived. If it never did, they were low only
    /// because of the loss, which no delay would have prevented, so they are forgotten. If it
    /// arrives after all it was late, not lost: <see cref="Put"/> feeds its lateness to the
    /// estimate, which raises the target past the depth it lacked.
    /// </summary>
    private void Settle(ushort sequence, bool arrived)
    {
        ref int awaiting = ref _depthAwaiting[sequence & SlotMask];
        if (arrived)
        {
            _shrinkMinimum = Math.Min(_shrinkMinimum, awaiting);
        }

        awaiting = int.MaxValue;
    }

    private void ResetWindows()
    {
        _growPeriods = 0;
        _growMaximum = 0;
        _shrinkPeriods = 0;
        _shrinkMinimum = int.MaxValue;
        _shrinkMaximum = 0;
        Array.Fill(_depthAwaiting, int.MaxValue);
    }

    private void Skip(ref ushort next)
    {
        Skipped = true;
        Slot slot = _slots[next & SlotMask];
        bool arrived = slot.Full && slot.Sequence == next;
        if (slot.Full)
        {
            slot.Full = false;
        }

        Settle(next, arrived);

        Interlocked.Increment(ref _dropped);
        Advance(next);
        next++;
    }

    private void Advance(ushort played)
    {
        _hasPlayed = true;
        _lastPlayed = played;
        Volatile.Write(ref _nextSequence, (ushort)(played + 1));
    }

    private bool TryStartPlayout()
    {
        if (!_received)
        {
            return false;
        }

        ushort newest = (ushort)Volatile.Read(ref _newestSequence);
        int span = 0;
        ushort earliest = newest;
        foreach (Slot slot in _slots)
        {
            if (!slot.Full)
            {
                continue;
            }

            ushort sequence = slot.Sequence;
            int behindNewest = (short)(newest - sequence);
            int sinceLastPlayed = (short)(sequence - _lastPlayed);
            bool played = _hasPlayed && sinceLastPlayed <= 0 && sinceLastPlayed > -SlotCount;
            if (behindNewest < 0 || behindNewest >= SlotCount || played)
            {
                // Arrived after its playout time (e.g. during an underrun), or left over from a
                // numbering the sender has abandoned: never play it.
                slot.Full = false;
                continue;
            }

            if (behindNewest + 1 > span)
            {
                span = behindNewest + 1;
                earliest = sequence;
            }
        }

        if (span < _targetFrames)
        {
            return false;
        }

        if (_dry)
        {
            CountDryPeriod(earliest);
        }

        // Publish the position before the flag so the producer never pairs "playing" with a
        // stale position from an earlier playout run.
        Volatile.Write(ref _nextSequence, earliest);
        ResetWindows();
        _playing = true;
        return true;
    }

    /// <summary>
    /// Playout restarts at <paramref name="earliest"/> after running dry: if the frame that was
    /// due is there, it came too late (an underrun); the frames before it never came (lost).
    /// </summary>
    private void CountDryPeriod(ushort earliest)
    {
        _dry = false;
        int missed = (short)(earliest - (ushort)(_lastPlayed + 1));
        if (missed == 0)
        {
            Interlocked.Increment(ref _underruns);
        }
        else if (missed > 0 && missed < SlotCount)
        {
            Interlocked.Add(ref _lost, missed);
        }
    }

    private sealed class Slot(int maxPayloadBytes)
    {
        public readonly byte[] Payload = new byte[maxPayloadBytes];

        public int Length;

        public ushort Sequence;

        /// <summary>Ownership flag: producer sets it after writing, consumer clears it after reading.</summary>
        public volatile bool Full;
    }
}
