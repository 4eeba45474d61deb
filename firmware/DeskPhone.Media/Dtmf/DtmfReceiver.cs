namespace DeskPhone.Media.Dtmf;

/// <summary>
/// Turns received RFC 4733 event packets into key presses, each reported once: an event is
/// identified by its RTP timestamp (§2.5.2.1), so the updates and the repeated end packets of
/// one digit, and stragglers older than it, are not new digits. Receive thread only.
/// </summary>
internal sealed class DtmfReceiver
{
    // §2.5.1.3: an event longer than the 16-bit duration field continues in a new segment whose
    // timestamp is where the previous one ended. A segment is only cut near the field's end.
    private const int SegmentCutAbove = ushort.MaxValue - 8000;

    private bool _any;
    private uint _ssrc;
    private uint _timestamp;
    private byte _event;
    private bool _ended;
    private ushort _duration;

    /// <summary>
    /// Accepts one event packet; true with the key when it starts a new DTMF digit.
    /// REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public bool TryAccept(uint ssrc, uint timestamp, in TelephoneEvent received, out char digit)
    {
        digit = default;
        if (!DtmfEvents.IsDtmf(received.Event))
        {
            return false;
        }

        // A new source restarts the timestamp space (RFC 3550 §8.2), so its events are all new.
        if (_any && ssrc == _ssrc)
        {
            int age = (int)(timestamp - _timestamp);
            if (age < 0)
            {
                return false;
            }

            if (age == 0)
            {
                _ended |= received.End;
                _duration = Math.Max(_duration, received.Duration);
                return false;
            }

            if (!_ended && received.Event == _event && _duration > SegmentCutAbove && age <= ushort.MaxValue)
            {
                Remember(ssrc, timestamp, received);
                return false;
            }
        }

        Remember(ssrc, timestamp, received);
        digit = DtmfEvents.ToDigit(received.Event);
        return true;
    }

    private void Remember(uint ssrc, uint timestamp, in TelephoneEvent received)
    {
        _any = true;
        _ssrc = ssrc;
        _timestamp = timestamp;
        _event = received.Event;
        _ended = received.End;
        _duration = received.Duration;
    }
}
