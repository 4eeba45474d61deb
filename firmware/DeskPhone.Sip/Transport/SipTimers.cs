namespace DeskPhone.Sip.Transport;

/// <summary>The timer base values of RFC 3261 §17.1.1.1 and Table 4.</summary>
public sealed record SipTimers
{
    public static readonly SipTimers Default = new();

    /// <summary>Round-trip time estimate.</summary>
    public TimeSpan T1 { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Maximum retransmission interval for non-INVITE requests and INVITE responses.</summary>
    public TimeSpan T2 { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Maximum time a message stays in the network.</summary>
    public TimeSpan T4 { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Timers B, F, H and J: 64·T1.</summary>
    public TimeSpan TransactionTimeout => T1 * 64;
}
