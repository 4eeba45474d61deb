namespace DeskPhone.Media;

/// <summary>The audio codecs the phone can negotiate: the two ITU-T G.711 companding laws.</summary>
public enum AudioCodec
{
    /// <summary>G.711 μ-law, static RTP payload type 0 (RFC 3551 §4.5.14, table 4).</summary>
    Pcmu,

    /// <summary>G.711 A-law, static RTP payload type 8 (RFC 3551 §4.5.14, table 4).</summary>
    Pcma,
}
