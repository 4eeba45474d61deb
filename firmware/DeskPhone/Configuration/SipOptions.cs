using System.ComponentModel.DataAnnotations;

namespace DeskPhone.Configuration;

/// <summary>Signalling ("Sip" section).</summary>
public sealed class SipOptions
{
    public const string Section = "Sip";

    /// <summary>The PBX: "host" or "host:port" (5060 when no port). Every out-of-dialog request goes there.</summary>
    [Required]
    public string Registrar { get; set; } = string.Empty;

    /// <summary>Local address to listen on; 0.0.0.0 listens everywhere.</summary>
    [Required]
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>Local UDP port; 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int ListenPort { get; set; } = 5060;

    /// <summary>Registration lifetime asked of the PBX, in seconds.</summary>
    [Range(60, 86400)]
    public int RegisterExpires { get; set; } = 3600;
}
