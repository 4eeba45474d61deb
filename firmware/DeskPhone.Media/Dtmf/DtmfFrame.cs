namespace DeskPhone.Media.Dtmf;

/// <summary>
/// What one 20 ms send period carries of a DTMF digit, from <see cref="DtmfSender.Next"/>.
/// </summary>
/// <param name="Active">A digit occupies this period (its tone or a repeat of its end), so RFC 4733 sends an event packet instead of audio.</param>
/// <param name="Digit">The key.</param>
/// <param name="Event">Its RFC 4733 event code.</param>
/// <param name="Timestamp">RTP timestamp of the period the digit began in; every packet of the event carries it (RFC 4733 §2.5.1.1).</param>
/// <param name="Periods">Periods of tone so far, this one included; the duration field is this times the period length.</param>
/// <param name="Start">The digit's first period: the packet carries the marker bit.</param>
/// <param name="End">The tone has ended: the packet carries the E bit.</param>
/// <param name="Tone">The tone itself sounds in this period (false for the end repeats); an in-band sender plays it.</param>
internal readonly record struct DtmfFrame(
    bool Active,
    char Digit,
    byte Event,
    uint Timestamp,
    int Periods,
    bool Start,
    bool End,
    bool Tone)
{
    public static DtmfFrame Idle => default;
}
