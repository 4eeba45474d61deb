using System.ComponentModel.DataAnnotations;

namespace DeskPhone.Configuration;

/// <summary>Media ports ("Rtp" section).</summary>
public sealed class RtpOptions
{
    public const string Section = "Rtp";

    /// <summary>Lowest UDP port for RTP (even ports are used, RFC 3550 §11).</summary>
    [Range(1024, 65534)]
    public int PortMin { get; set; } = 16384;

    [Range(1025, 65535)]
    public int PortMax { get; set; } = 16482;
}
