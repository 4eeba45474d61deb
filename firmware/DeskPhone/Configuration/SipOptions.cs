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

    /// <summary>Local port (UDP or TCP, per <see cref="Transport"/>); 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int ListenPort { get; set; } = 5060;

    /// <summary>Registration lifetime asked of the PBX, in seconds.</summary>
    [Range(60, 86400)]
    public int RegisterExpires { get; set; } = 3600;

    /// <summary>
    /// What SIP runs over (RFC 3261 §18): UDP, or TCP with connection reuse and keep-alives to the
    /// registrar (RFC 5626 §4.4.1). The binder rejects any other value, naming the key.
    /// </summary>
    public SipTransportProtocol Transport { get; set; } = SipTransportProtocol.Udp;

    /// <summary>
    /// While registered, drop out-of-dialog requests (INVITE, MESSAGE, OPTIONS…) that do not come
    /// from the registrar's address. Turn off for peer-to-peer use, where peers call directly.
    /// </summary>
    public bool TrustedSourcesOnly { get; set; } = true;
}

/// <summary>The values of <see cref="SipOptions.Transport"/>.</summary>
public enum SipTransportProtocol
{
    Udp,
    Tcp,
}
