namespace DeskPhone.Media;

/// <summary>Why an SDP offer or answer could not be used; the phone answers an offer that fails with 488.</summary>
public enum SdpFailure
{
    /// <summary>No failure: the negotiation succeeded.</summary>
    None,

    /// <summary>Not parseable as SDP (RFC 8866 §5).</summary>
    Malformed,

    /// <summary>No "m=audio" stream with the RTP/AVP profile.</summary>
    NoAudioStream,

    /// <summary>The audio stream has port 0: disabled in an offer, rejected in an answer (RFC 3264 §6, §8.2).</summary>
    StreamRejected,

    /// <summary>None of the phone's codecs is among the peer's formats.</summary>
    NoCommonCodec,

    /// <summary>The stream has no usable c= address: missing, a host name, or another address family than ours.</summary>
    UnsupportedAddress,

    /// <summary>An answer arrived while no offer of ours was outstanding.</summary>
    NoOfferPending,
}
