namespace DeskPhone.Media.Sdp;

/// <summary>An a=rtpmap value (RFC 8866 §6.6): encoding name, clock rate and channel count.</summary>
internal sealed record SdpRtpMap(string EncodingName, int ClockRate, int Channels);
