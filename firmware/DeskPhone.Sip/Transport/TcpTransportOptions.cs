namespace DeskPhone.Sip.Transport;

/// <summary>Connection management of <see cref="TcpSipTransport"/>.</summary>
public sealed record TcpTransportOptions
{
    public static readonly TcpTransportOptions Default = new();

    /// <summary>
    /// A connection with no traffic either way for this long is closed. Longer than an INVITE may
    /// wait for its final response at a proxy (Timer C, more than 3 min, RFC 3261 §16.6), so an
    /// answer to a call that rang long still finds the connection it came on; the flow to the
    /// registrar never idles that long, its keep-alives (RFC 5626 §4.4.1) count as traffic.
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A connection attempt that has not completed by then fails.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Most connections open at once. A phone needs a handful (registrar, proxy, a direct peer);
    /// further incoming ones are refused so a scanner cannot exhaust sockets or memory.
    /// </summary>
    public int MaxConnections { get; init; } = 64;

    /// <summary>Messages queued on one connection while it connects or its peer reads slowly; beyond that they are dropped.</summary>
    public int MaxQueuedMessages { get; init; } = 256;
}
