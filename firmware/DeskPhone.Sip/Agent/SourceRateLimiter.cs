using System.Net;

namespace DeskPhone.Sip.Agent;

/// <summary>
/// A token bucket per source address for out-of-dialog requests from anywhere but the registrar:
/// a peer or scanner may burst, then gets its rate, and the rest is dropped and counted, so one
/// source cannot fill the signalling loop. The registrar relays every legitimate call and message
/// and is not limited. A bounded number of sources is tracked; when full, the source seen least
/// recently is forgotten. THREAD: signalling loop.
/// </summary>
internal sealed class SourceRateLimiter(TimeProvider time, double perSecond, int burst)
{
    public const int MaxSources = 256;

    private readonly Dictionary<IPAddress, Bucket> buckets = [];

    public long Dropped { get; private set; }

    /// <summary>True when <paramref name="source"/> may send one more request now; false (and counted) when over its rate.</summary>
    public bool TryTake(IPAddress source)
    {
        var now = time.GetTimestamp();
        if (!buckets.TryGetValue(source, out var bucket))
        {
            if (buckets.Count >= MaxSources)
            {
                buckets.Remove(buckets.MinBy(entry => entry.Value.LastSeen).Key);
            }

            bucket = new Bucket { Tokens = burst, LastSeen = now };
            buckets[source] = bucket;
        }

        var elapsed = time.GetElapsedTime(bucket.LastSeen, now).TotalSeconds;
        bucket.Tokens = Math.Min(burst, bucket.Tokens + (elapsed * perSecond));
        bucket.LastSeen = now;
        if (bucket.Tokens < 1)
        {
            Dropped++;
            return false;
        }

        bucket.Tokens--;
        return true;
    }

    private sealed class Bucket
    {
        public double Tokens { get; set; }

        public long LastSeen { get; set; }
    }
}
