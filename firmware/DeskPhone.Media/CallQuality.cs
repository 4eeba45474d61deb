namespace DeskPhone.Media;

/// <summary>
/// A snapshot of one call's receive quality, for the call-info screen. Every figure comes from
/// counters the RTP receive, audio and RTCP threads keep with atomic operations, so taking a
/// snapshot (on the phone-loop thread) costs the audio path nothing.
/// </summary>
/// <param name="LossPercent">Of the peer's packets expected so far, those lost or too late to play (RFC 3550 §6.4.1 counting).</param>
/// <param name="JitterMilliseconds">Interarrival jitter (RFC 3550 §6.4.1).</param>
/// <param name="RoundTripMilliseconds">From RTCP reports (RFC 3550 §6.4.1); null until the peer has reported on one of our SRs.</param>
/// <param name="BufferDelayMilliseconds">The jitter buffer's current target delay.</param>
/// <param name="Underruns">Times the jitter buffer ran dry and a late frame had to wait.</param>
/// <param name="ConcealedFrames">20 ms frames played by loss concealment.</param>
/// <param name="Mos">Estimated mean opinion score, 1-4.5, from the simplified G.107 E-model.</param>
public sealed record CallQuality(
    double LossPercent,
    double JitterMilliseconds,
    double? RoundTripMilliseconds,
    int BufferDelayMilliseconds,
    long Underruns,
    long ConcealedFrames,
    double Mos);
