namespace DeskPhone.Media.Dtmf;

/// <summary>
/// Schedules queued DTMF digits over 20 ms send periods (RFC 4733 §2.5.1): each digit sounds
/// for <c>digitPeriods</c> periods, one event packet per period with a growing duration; its
/// last tone period and the next two carry the E bit (the end is sent three times, §2.5.1.4);
/// then <c>gapPeriods</c> counted from the end of the tone pass before the next digit.
/// <para>
/// Threads: <see cref="TryEnqueue"/> on the phone-loop thread; <see cref="Next"/> and
/// <see cref="Cancel"/> on the audio thread. They meet only in the lock-free <see cref="DigitQueue"/>.
/// </para>
/// </summary>
internal sealed class DtmfSender
{
    /// <summary>Repeats of the end packet after the first one (§2.5.1.4: three in all).</summary>
    public const int EndRepeats = 2;

    private readonly DigitQueue _queue = new();
    private readonly int _digitPeriods;
    private readonly int _gapPeriods;

    // Audio-thread state of the digit in progress.
    private Phase _phase;
    private char _digit;
    private byte _event;
    private uint _timestamp;
    private int _periods;
    private int _gapLeft;

    /// <param name="digitPeriods">Periods each digit sounds; at least one.</param>
    /// <param name="gapPeriods">Periods from the end of one tone to the start of the next; at least the end repeats.</param>
    public DtmfSender(int digitPeriods, int gapPeriods)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digitPeriods, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(gapPeriods, EndRepeats);
        _digitPeriods = digitPeriods;
        _gapPeriods = gapPeriods;
    }

    private enum Phase
    {
        Idle,
        Tone,
        Gap,
    }

    /// <summary>Queues a digit ('0'-'9', '*', '#', 'A'-'D'); false when the queue is full. Phone-loop thread.</summary>
    public bool TryEnqueue(char digit)
    {
        if (!DtmfEvents.TryGetEvent(digit, out _))
        {
            throw new ArgumentOutOfRangeException(nameof(digit), digit, "Not a DTMF key.");
        }

        return _queue.TryEnqueue(char.ToUpperInvariant(digit));
    }

    /// <summary>
    /// Advances one send period and says what it carries. <paramref name="timestamp"/> is the
    /// RTP timestamp of this period. Audio thread. REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public DtmfFrame Next(uint timestamp)
    {
        if (_phase == Phase.Idle)
        {
            if (!_queue.TryDequeue(out char digit))
            {
                return DtmfFrame.Idle;
            }

            DtmfEvents.TryGetEvent(digit, out _event);
            _digit = digit;
            _timestamp = timestamp;
            _periods = 0;
            _phase = Phase.Tone;
        }

        if (_phase == Phase.Tone)
        {
            _periods++;
            bool last = _periods == _digitPeriods;
            if (last)
            {
                _phase = Phase.Gap;
                _gapLeft = _gapPeriods;
            }

            return new DtmfFrame(true, _digit, _event, _timestamp, _periods, Start: _periods == 1, End: last, Tone: true);
        }

        _gapLeft--;
        int gapPeriod = _gapPeriods - _gapLeft;
        if (_gapLeft == 0)
        {
            _phase = Phase.Idle;
        }

        return gapPeriod <= EndRepeats
            ? new DtmfFrame(true, _digit, _event, _timestamp, _periods, Start: false, End: true, Tone: false)
            : DtmfFrame.Idle;
    }

    /// <summary>
    /// Abandons the digit in progress and every queued one, e.g. when the stream may no longer
    /// send. Audio thread. REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public void Cancel()
    {
        _queue.Clear();
        _phase = Phase.Idle;
    }
}
