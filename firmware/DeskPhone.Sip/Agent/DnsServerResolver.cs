using System.Net;
using System.Net.Sockets;
using DnsClient;
using DnsClient.Protocol;

namespace DeskPhone.Sip.Agent;

/// <summary>
/// Locates a SIP server in the DNS the way RFC 3263 §4 describes, for the one transport the
/// phone is configured with:
/// <list type="bullet">
/// <item>an IP literal is used as is, on its port or 5060 (§4.2);</item>
/// <item>a name with a port: its A (or AAAA) records on that port (§4.2);</item>
/// <item>a name without a port: the SRV records of <c>_sip._udp.name</c> or <c>_sip._tcp.name</c>,
/// by priority and weight (RFC 2782); when there are none, the name's A (or AAAA) records on 5060.</item>
/// </list>
/// NAPTR is skipped: §4.1 uses it to choose a transport, and the phone's is fixed by
/// configuration (Sip:Transport), so the SRV query for that transport is where §4.1 would end up
/// for a domain that offers it. Addresses are looked up for the SIP socket's family only (A for
/// an IPv4 socket, AAAA for IPv6), since the socket can reach no other. The library's own cache
/// is off: answers are kept on the signalling loop for their TTL by the injected clock
/// (<see cref="NextHopTargets"/>). Runs on the thread pool.
/// </summary>
internal sealed class DnsServerResolver : IServerResolver
{
    private const int DefaultPort = 5060;

    private readonly Lazy<LookupClient> lookup;
    private readonly Func<int, int> pick;

    /// <param name="servers">The DNS servers to ask; empty for the system's (/etc/resolv.conf).</param>
    /// <param name="pick">A uniform random integer in [0, max] (RFC 2782's weighted choice); tests fix it.</param>
    public DnsServerResolver(IReadOnlyList<IPEndPoint> servers, Func<int, int>? pick = null)
    {
        // Made on first use: a phone configured with IP addresses never reads the system's DNS settings.
        lookup = new Lazy<LookupClient>(() =>
        {
            var options = servers.Count == 0
                ? new LookupClientOptions()
                : new LookupClientOptions(servers.Select(server => new NameServer(server)).ToArray());
            options.UseCache = false;
            options.Timeout = TimeSpan.FromSeconds(2);
            options.Retries = 2;
            return new LookupClient(options);
        });
        this.pick = pick ?? (max => Random.Shared.Next(max + 1));
    }

    private LookupClient Client => lookup.Value;

    public async Task<ResolvedTargets> ResolveAsync(ServerAddress server, string transport, AddressFamily family, CancellationToken cancellationToken)
    {
        if (server.Literal is { } literal)
        {
            return new ResolvedTargets([new IPEndPoint(literal, server.Port ?? DefaultPort)], Timeout.InfiniteTimeSpan);
        }

        try
        {
            if (server.Port is null)
            {
                var service = $"_sip._{transport.ToLowerInvariant()}.{server.Host}";
                var srv = await Client.QueryAsync(service, QueryType.SRV, QueryClass.IN, cancellationToken).ConfigureAwait(false);
                var records = srv.Answers.SrvRecords().ToList();
                if (records.Count > 0)
                {
                    return await FromSrvAsync(service, records, srv.Additionals, family, cancellationToken).ConfigureAwait(false);
                }
            }

            var (addresses, ttl, error) = await AddressesAsync(server.Host, [], family, cancellationToken).ConfigureAwait(false);
            return addresses.Count == 0
                ? ResolvedTargets.Failed(error ?? $"no address for {server.Host}")
                : new ResolvedTargets(addresses.Select(address => new IPEndPoint(address, server.Port ?? DefaultPort)).ToList(), ttl);
        }
        catch (DnsResponseException exception)
        {
            return ResolvedTargets.Failed($"DNS failed for {server.Host}: {exception.Message}");
        }
    }

    /// <summary>
    /// The SRV targets in RFC 2782 order, each expanded to its addresses (from the additional
    /// section when the server sent them, RFC 2782 "Target", otherwise by a query). A single
    /// record with target "." says the service is decidedly not offered.
    /// </summary>
    private async Task<ResolvedTargets> FromSrvAsync(string service, List<SrvRecord> records, IReadOnlyList<DnsResourceRecord> additionals, AddressFamily family, CancellationToken cancellationToken)
    {
        if (records is [{ Target.Value: "." }])
        {
            return ResolvedTargets.Failed($"{service} says there is no such service");
        }

        var ttl = TimeSpan.FromSeconds(records.Min(record => record.InitialTimeToLive));
        var ordered = SrvOrder.Arrange(records.Select(r => new SrvChoice<SrvRecord>(r.Priority, r.Weight, r)), pick);
        var targets = new List<IPEndPoint>();
        string? lastError = null;
        foreach (var record in ordered)
        {
            var (addresses, addressTtl, error) = await AddressesAsync(record.Target.Value, additionals, family, cancellationToken).ConfigureAwait(false);
            lastError = error ?? lastError;
            ttl = addresses.Count > 0 && addressTtl < ttl ? addressTtl : ttl;
            foreach (var address in addresses)
            {
                var target = new IPEndPoint(address, record.Port);
                if (!targets.Contains(target))
                {
                    targets.Add(target);
                }
            }
        }

        return targets.Count == 0 ? ResolvedTargets.Failed(lastError ?? $"no address for the targets of {service}") : new ResolvedTargets(targets, ttl);
    }

    private async Task<(List<IPAddress> Addresses, TimeSpan Ttl, string? Error)> AddressesAsync(string name, IReadOnlyList<DnsResourceRecord> additionals, AddressFamily family, CancellationToken cancellationToken)
    {
        var type = family == AddressFamily.InterNetworkV6 ? ResourceRecordType.AAAA : ResourceRecordType.A;
        var known = OfType(additionals, type).Where(record => SameName(record.DomainName.Value, name)).ToList();
        if (known.Count == 0)
        {
            // Every address record of the answer is the name's, or that of a CNAME it leads to.
            var response = await Client.QueryAsync(name, type == ResourceRecordType.AAAA ? QueryType.AAAA : QueryType.A, QueryClass.IN, cancellationToken).ConfigureAwait(false);
            known = OfType(response.Answers, type).ToList();
            if (known.Count == 0)
            {
                return ([], TimeSpan.Zero, response.HasError ? $"{name}: {response.ErrorMessage}" : $"no {type} record for {name}");
            }
        }

        return (known.Select(record => record.Address).ToList(), TimeSpan.FromSeconds(known.Min(record => record.InitialTimeToLive)), null);
    }

    private static IEnumerable<AddressRecord> OfType(IReadOnlyList<DnsResourceRecord> records, ResourceRecordType type) =>
        records.OfType<AddressRecord>().Where(record => record.RecordType == type);

    private static bool SameName(string a, string b) => string.Equals(a.TrimEnd('.'), b.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);
}
