using System.Net;

namespace DeskPhone.Sip.Agent;

/// <summary>
/// What a resolution found: the addresses to try, best first (RFC 3263 §4.3), how long the
/// answer may be kept (the smallest TTL of the records used), and why it is empty when it is.
/// </summary>
internal sealed record ResolvedTargets(IReadOnlyList<IPEndPoint> EndPoints, TimeSpan TimeToLive, string? Error = null)
{
    public static ResolvedTargets Failed(string error) => new([], TimeSpan.Zero, error);
}
