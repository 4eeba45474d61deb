namespace DeskPhone.Media;

/// <summary>The audio codecs the phone can negotiate.</summary>
public enum AudioCodec
{
    /// <summary>G.711 μ-law, static RTP payload type 0 (RFC 3551 §4.5.14, table 4).</summary>
    Pcmu,

    /// <summary>G.711 A-law, static RTP payload type 8 (RFC 3551 §4.5.14, table 4).</summary>
    Pcma,

    /// <summary>
    /// G.722 wideband (16 kHz audio, 64 kbit/s), static RTP payload type 9. Its RTP clock and
    /// SDP rate are 8000 although it samples at 16 kHz, an error kept for compatibility
    /// (RFC 3551 §4.5.2).
    /// </summary>
    G722,

    /// <summary>
    /// Opus (RFC 6716) on a dynamic payload type with the 48 kHz RTP clock of RFC 7587; it codes
    /// at the audio device's own rate (8 or 16 kHz) with in-band FEC, on the system's libopus
    /// (libopus0), or on Concentus, which allocates per frame, when libopus is missing. Offered
    /// only when `Rtp:Codecs` names it.
    /// </summary>
    Opus,
}
