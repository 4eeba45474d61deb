namespace DeskPhone.Media.Sdp;

/// <summary>A c= line (RFC 8866 §5.7): address type ("IP4"/"IP6") and the address as written, TTL and count stripped.</summary>
internal sealed record SdpConnection(string AddressType, string Address);
