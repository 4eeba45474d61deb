using System.Net;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Sip.Agent;

/// <summary>
/// Drops out-of-dialog requests that do not come from the PBX while the phone is registered to it:
/// a registered phone is reached through its registrar (RFC 3261 §10, §16), so an INVITE, MESSAGE
/// or OPTIONS from anywhere else is a scanner or a spoofer, and must neither ring the phone nor be
/// answered (an answer tells the scanner a phone is there). Addresses are compared without ports:
/// a proxy sends over TCP from ephemeral ports. Each drop is counted; the log gets at most one line
/// per source per <see cref="LogInterval"/> and remembers at most <see cref="RememberedSources"/>
/// sources (when that many were logged within the interval, further ones are only counted), so a
/// flood from any number of addresses costs neither log nor memory. Runs on the signalling loop.
/// </summary>
internal sealed class TrustedSourcePolicy(TimeProvider time, ILogger logger)
{
    /// <summary>Shortest time between two log lines about the same source.</summary>
    public static readonly TimeSpan LogInterval = TimeSpan.FromMinutes(1);

    /// <summary>Most sources whose last log line is remembered; beyond that the oldest are forgotten.</summary>
    internal const int RememberedSources = 64;

    private readonly Dictionary<IPAddress, DateTimeOffset> lastLogged = [];
    private IReadOnlyList<IPAddress> trusted = [];

    /// <summary>Requests dropped so far.</summary>
    public long Dropped { get; private set; }

    /// <summary>
    /// Trusts these addresses (the registrar's or outbound proxy's, as resolved) instead of the
    /// earlier ones: a PBX that moved in the DNS speaks from its new addresses.
    /// </summary>
    public void Trust(IReadOnlyList<IPAddress> addresses) => trusted = addresses;

    public bool IsTrusted(IPEndPoint source)
    {
        var address = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        foreach (var candidate in trusted)
        {
            if (candidate.Equals(address))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Counts a dropped request and logs it unless its source was logged within the last minute.</summary>
    public void Drop(string method, IPEndPoint source)
    {
        Dropped++;
        var now = time.GetUtcNow();
        if (lastLogged.TryGetValue(source.Address, out var last) && now - last < LogInterval)
        {
            return;
        }

        if (lastLogged.Count >= RememberedSources && !ForgetExpired(now))
        {
            return;
        }

        lastLogged[source.Address] = now;
        logger.LogWarning(
            "Dropped an out-of-dialog {Method} from {Source}: not the registrar, and the phone accepts only its registrar's requests while registered (Sip:TrustedSourcesOnly); {Dropped} dropped so far",
            method,
            source,
            Dropped);
    }

    /// <summary>Forgets the sources not logged within the interval; false when none could be forgotten.</summary>
    private bool ForgetExpired(DateTimeOffset now)
    {
        foreach (var (address, last) in lastLogged)
        {
            if (now - last >= LogInterval)
            {
                lastLogged.Remove(address);
            }
        }

        return lastLogged.Count < RememberedSources;
    }
}
