using System.ComponentModel.DataAnnotations;

namespace DeskPhone.Configuration;

/// <summary>Signalling ("Sip" section).</summary>
public sealed class SipOptions
{
    public const string Section = "Sip";

    /// <summary>
    /// The registrar: a host name, located per RFC 3263 (SRV records of _sip._udp or _sip._tcp,
    /// then A/AAAA on 5060; with a port, A/AAAA on that port), or an IP address used as is;
    /// "host", "host:port", "10.0.0.5", "[2001:db8::5]:5070". Out-of-dialog requests go there
    /// unless <see cref="OutboundProxy"/> is set, and move to the next address found when one
    /// times out or answers 503.
    /// </summary>
    [Required]
    public string Registrar { get; set; } = string.Empty;

    /// <summary>
    /// Where every out-of-dialog request goes instead, with a loose Route to it (RFC 3261 §8.1.2);
    /// same forms as <see cref="Registrar"/>. Empty: none.
    /// </summary>
    public string? OutboundProxy { get; set; }

    /// <summary>The DNS servers for SIP look-ups, "address" or "address:port" (53); empty: the system's.</summary>
    public List<string> DnsServers { get; set; } = [];

    /// <summary>
    /// RFC 3261 T1 (round-trip estimate) in milliseconds: retransmission starts at T1 and a
    /// request is given up after 64·T1 (Timers B and F), which is also when it fails over to the
    /// registrar's next address. 500 is the RFC's default; lower only on a LAN.
    /// </summary>
    [Range(50, 5000)]
    public int TimerT1Milliseconds { get; set; } = 500;

    /// <summary>Local address to listen on; 0.0.0.0 listens everywhere.</summary>
    [Required]
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>Local port (UDP or TCP, per <see cref="Transport"/>); 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int ListenPort { get; set; } = 5060;

    /// <summary>Registration lifetime asked of the PBX, in seconds; refreshed before it ends (halfway for 60 s or less).</summary>
    [Range(10, 86400)]
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

    /// <summary>
    /// Once registered, subscribe to the mailbox's message-waiting state (RFC 3842) for the idle
    /// screen and the message LED. Turn off when the PBX has no voicemail.
    /// </summary>
    public bool MessageWaiting { get; set; } = true;

    /// <summary>The mailbox to subscribe to, a sip: or sips: URI; empty: the account's own address of record, which PBXs serve.</summary>
    public string? MailboxUri { get; set; }

    /// <summary>Lifetime asked for the message-waiting subscription, in seconds; refreshed at 85 % of what the server grants.</summary>
    [Range(60, 86400)]
    public int MessageWaitingExpires { get; set; } = 3600;
}

/// <summary>The values of <see cref="SipOptions.Transport"/>.</summary>
public enum SipTransportProtocol
{
    Udp,
    Tcp,
}
