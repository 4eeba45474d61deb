using System.Net;

namespace DeskPhone.Media;

/// <summary>
/// The outcome of a completed SDP offer/answer exchange for the call's audio stream: what
/// <see cref="RtpStream.Start"/> needs.
/// </summary>
/// <param name="Remote">Where to send RTP, from the peer's c= and m= lines (symmetric RTP may later override it).</param>
/// <param name="Codec">The codec both directions use.</param>
/// <param name="PayloadType">The RTP payload type number that carries <paramref name="Codec"/>.</param>
/// <param name="TelephoneEventPayloadType">RFC 4733 telephone-event payload type, when both sides support it.</param>
/// <param name="Direction">What this phone may do: send, receive, both or neither.</param>
public sealed record MediaNegotiation(
    IPEndPoint Remote,
    AudioCodec Codec,
    byte PayloadType,
    byte? TelephoneEventPayloadType,
    MediaDirection Direction);
