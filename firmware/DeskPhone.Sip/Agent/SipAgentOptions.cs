namespace DeskPhone.Sip.Agent;

/// <summary>The account the phone registers and calls with.</summary>
public sealed record SipAgentOptions
{
    /// <summary>The extension (user part of the address of record), e.g. "101".</summary>
    public required string User { get; init; }

    /// <summary>Digest user name; the extension when not set.</summary>
    public string? AuthUser { get; init; }

    public required string Password { get; init; }

    /// <summary>The SIP domain of the address of record, e.g. "pbx.example.com" or "127.0.0.1".</summary>
    public required string Domain { get; init; }

    /// <summary>
    /// The registrar: a host name (located per RFC 3263: SRV, then A/AAAA) or an IP literal, with
    /// an optional port. Out-of-dialog requests go there unless <see cref="OutboundProxy"/> is set.
    /// An <see cref="System.Net.IPEndPoint"/> converts to it.
    /// </summary>
    public required ServerAddress Registrar { get; init; }

    /// <summary>
    /// Where every out-of-dialog request goes instead of the registrar, with a loose Route to it
    /// (RFC 3261 §8.1.2); located like the registrar. Null: none.
    /// </summary>
    public ServerAddress? OutboundProxy { get; init; }

    /// <summary>The DNS servers asked for SRV and A/AAAA records; empty for the system's.</summary>
    public IReadOnlyList<System.Net.IPEndPoint> DnsServers { get; init; } = [];

    public string? DisplayName { get; init; }

    /// <summary>Registration lifetime asked for, in seconds (RFC 3261 §10.2.1.1).</summary>
    public int RegisterExpiresSeconds { get; init; } = 3600;

    public string UserAgentName { get; init; } = "DeskPhone";

    /// <summary>
    /// While registered, drop out-of-dialog requests whose source address is not the registrar's
    /// (<see cref="TrustedSourcePolicy"/>). Off for peer-to-peer use, where peers call directly.
    /// </summary>
    public bool TrustedSourcesOnly { get; init; } = true;

    /// <summary>Out-of-dialog requests per second accepted from one source other than the registrar (<see cref="SourceRateLimiter"/>).</summary>
    public double UntrustedRequestsPerSecond { get; init; } = 50;

    /// <summary>How many such requests one source may send at once before its rate applies.</summary>
    public int UntrustedRequestBurst { get; init; } = 200;

    /// <summary>
    /// Messages received but not yet handled by the signalling loop beyond which new ones are
    /// dropped unparsed (and counted): under a flood the loop keeps up with timers, keys and calls,
    /// and UDP senders retransmit what was dropped.
    /// </summary>
    public int MaxQueuedMessages { get; init; } = 1000;
}
