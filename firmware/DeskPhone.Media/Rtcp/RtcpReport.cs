namespace DeskPhone.Media.Rtcp;

/// <summary>What this phone takes from a received compound RTCP packet (RFC 3550 §6.1).</summary>
/// <param name="SenderSsrc">The SSRC of the SR or RR that starts it.</param>
/// <param name="Sender">The sender information, when the packet is an SR.</param>
/// <param name="AboutUs">The report block about our own source, when it holds one.</param>
/// <param name="Bye">Whether it holds a BYE (§6.6): the sender is leaving.</param>
internal readonly record struct RtcpReport(uint SenderSsrc, SenderInfo? Sender, ReportBlock? AboutUs, bool Bye);
