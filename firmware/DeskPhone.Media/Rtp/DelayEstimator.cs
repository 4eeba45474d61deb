namespace DeskPhone.Media.Rtp;

/// <summary>
/// Estimates, from packet arrival times, the interarrival jitter of RFC 3550 §6.4.1 and the
/// playout delay the jitter buffer should hold. Receive thread only.
/// <para>
/// Both start from the relative transit time of each packet: arrival minus RTP timestamp (in
/// microseconds), whose absolute value is meaningless because the clocks are not synchronised.
/// The §6.4.1 estimate J smooths the difference D between consecutive transits with gain 1/16.
/// J is a mean deviation, so it understates the rare late packets that cause underruns; the
/// delay target therefore follows the peak of how late each packet is compared with the
/// earliest transit seen recently: it jumps up at once to a later packet (rises fast) and decays
/// towards the current lateness with a time constant of <see cref="PeakDecayPackets"/> packets,
/// about 5 s at 50 packets per second (falls slowly).
/// </para>
/// <para>
/// The earliest transit is a windowed minimum (two windows of <see cref="WindowPackets"/>
/// packets) rather than an all-time one, so that clock drift between sender and receiver, which
/// moves every transit by 1 ms per second at 0.1 %, does not read as growing jitter.
/// </para>
/// </summary>
internal sealed class DelayEstimator
{
    /// <summary>Packets per minimum window: 2 s of 20 ms packets.</summary>
    public const int WindowPackets = 100;

    public const int PeakDecayPackets = 256;

    /// <summary>A transit that moves by more than this is a new source or a timestamp jump: start over.</summary>
    private const double ResetMicroseconds = 5_000_000;

    private bool _started;
    private int _clockRate;
    private uint _lastTimestamp;
    private long _extendedTimestamp;
    private double _lastTransit;
    private double _minimumCurrent;
    private double _minimumPrevious;
    private int _windowCount;

    /// <summary>RFC 3550 §6.4.1 interarrival jitter J, in microseconds.</summary>
    public double JitterMicroseconds { get; private set; }

    /// <summary>How late packets have recently arrived compared with the earliest, in microseconds (peak envelope).</summary>
    public double PeakLatenessMicroseconds { get; private set; }

    /// <summary>Updates the estimates with one arrival. REAL-TIME: no allocation, no lock, no logging.</summary>
    public void Add(in PacketArrival arrival)
    {
        if (arrival.ClockRate <= 0)
        {
            return;
        }

        if (_started && arrival.ClockRate == _clockRate)
        {
            // RFC 3550 §5.1: timestamps wrap; the signed difference orders them across the wrap.
            _extendedTimestamp += (int)(arrival.Timestamp - _lastTimestamp);
        }
        else
        {
            _extendedTimestamp = arrival.Timestamp;
        }

        _lastTimestamp = arrival.Timestamp;
        double transit = arrival.ArrivalMicroseconds - (_extendedTimestamp * 1_000_000.0 / arrival.ClockRate);
        if (!_started || arrival.ClockRate != _clockRate || Math.Abs(transit - _lastTransit) > ResetMicroseconds)
        {
            _started = true;
            _clockRate = arrival.ClockRate;
            _lastTransit = transit;
            _minimumCurrent = transit;
            _minimumPrevious = transit;
            _windowCount = 0;
            JitterMicroseconds = 0;
            PeakLatenessMicroseconds = 0;
            return;
        }

        // RFC 3550 §6.4.1: J(i) = J(i-1) + (|D(i-1,i)| - J(i-1)) / 16.
        double difference = Math.Abs(transit - _lastTransit);
        JitterMicroseconds += (difference - JitterMicroseconds) / 16;
        _lastTransit = transit;

        _minimumCurrent = Math.Min(_minimumCurrent, transit);
        if (++_windowCount >= WindowPackets)
        {
            _minimumPrevious = _minimumCurrent;
            _minimumCurrent = transit;
            _windowCount = 0;
        }

        double lateness = transit - Math.Min(_minimumCurrent, _minimumPrevious);
        PeakLatenessMicroseconds = lateness > PeakLatenessMicroseconds
            ? lateness
            : PeakLatenessMicroseconds - ((PeakLatenessMicroseconds - lateness) / PeakDecayPackets);
    }
}
