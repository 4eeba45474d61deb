using System.Net;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Dialogs;

/// <summary>
/// The state of one dialog (RFC 3261 §12): identifiers, sequence numbers, the remote target and
/// the route set. Owned by the signalling loop.
/// </summary>
internal sealed class Dialog
{
    public required string CallId { get; init; }

    public required string LocalTag { get; init; }

    public string? RemoteTag { get; set; }

    /// <summary>Our From (UAC) or To (UAS) header, with our tag.</summary>
    public required NameAddress Local { get; init; }

    /// <summary>The peer's address as in its To (UAC) or From (UAS) header, with its tag once known.</summary>
    public required NameAddress Remote { get; set; }

    public uint LocalSequence { get; set; }

    public uint? RemoteSequence { get; set; }

    /// <summary>The Contact of the peer (§12.1.1, §12.1.2).</summary>
    public string RemoteTarget { get; set; } = string.Empty;

    /// <summary>Record-Route values in the order requests must carry them as Route (§12.1).</summary>
    public IReadOnlyList<string> RouteSet { get; set; } = [];

    public string Key => DialogKey(CallId, LocalTag, RemoteTag);

    public static string DialogKey(string callId, string localTag, string? remoteTag) => callId + "|" + localTag + "|" + remoteTag;

    /// <summary>
    /// The next hop for an in-dialog request (§12.2.1.1, loose routing): the first route when there
    /// is one, otherwise the remote target; null when that host is not an address literal.
    /// </summary>
    public IPEndPoint? NextHop()
    {
        var hop = RouteSet.Count > 0 && NameAddress.TryParse(RouteSet[0], out var route) ? route.SipUri : SipUri.TryParse(RemoteTarget, out var target) ? target : null;
        return hop is null ? null : Agent.EndPointResolver.TryResolve(hop);
    }
}
