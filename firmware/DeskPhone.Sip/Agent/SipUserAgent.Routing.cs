using System.Net;
using DeskPhone.Sip.Messages;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Sip.Agent;

/// <summary>
/// Where out-of-dialog requests go: the outbound proxy when one is set, otherwise the registrar
/// (RFC 3261 §8.1.2), located per RFC 3263 and failed over to the next target on a timeout or a
/// 503 (§4.3).
/// </summary>
public sealed partial class SipUserAgent
{
    /// <summary>
    /// The target out-of-dialog requests go to now (the registrar's or outbound proxy's address in
    /// use); null until the first resolution of a host name has completed. THREAD: signalling loop.
    /// </summary>
    public IPEndPoint? NextHop => targets.Current;

    /// <summary>The next hop's targets, raised when the one in use changes. THREAD: signalling loop.</summary>
    internal NextHopTargets Targets => targets;

    /// <summary>
    /// The Route that sends requests through the outbound proxy (RFC 3261 §8.1.2): a loose route
    /// (;lr, §16.12.1.1) so the Request-URI keeps the registrar's domain. None without a proxy, or
    /// when the proxy is the registrar itself.
    /// </summary>
    internal string? PreloadedRoute { get; }

    /// <summary>
    /// Sends an out-of-dialog request (REGISTER, a new INVITE, MESSAGE) in a client transaction to
    /// the next hop. On a timeout (Timer B or F) or a 503 the same request, with a new branch and
    /// so a new transaction, goes to the next target (RFC 3263 §4.3); <paramref name="onTimeout"/>
    /// or the 503 reaches the caller only when no target is left. The request is changed in place
    /// (its top Via), so a CANCEL built from it later matches the transaction that went out last.
    /// With no target at all (the name does not resolve) the caller gets a local 503, the code
    /// RFC 3261 §8.1.3.1 gives a request that cannot be delivered. THREAD: signalling loop; the
    /// callbacks run there too.
    /// </summary>
    /// <param name="failover">False for a request that only makes sense at the current target (the de-REGISTER).</param>
    internal void SendOutOfDialog(SipRequest request, Action<SipResponse> onResponse, Action onTimeout, bool failover = true)
    {
        if (PreloadedRoute is { } route && request.Get(HeaderNames.Route) is null)
        {
            request.Add(HeaderNames.Route, route);
        }

        targets.Resolve(list =>
        {
            if (list.Count == 0)
            {
                logger.LogWarning("No address for {Server}: {Method} not sent", targets.Server, request.Method);
                onResponse(ResponseFactory.Create(request, 503, "Service Unavailable"));
                return;
            }

            Attempt(request, list, 0, failover, onResponse, onTimeout);
        });
    }

    private void Attempt(SipRequest request, IReadOnlyList<IPEndPoint> list, int index, bool failover, Action<SipResponse> onResponse, Action onTimeout)
    {
        var target = list[index];
        var next = failover && index + 1 < list.Count ? index + 1 : -1;
        Transactions.SendRequest(
            request,
            target,
            response =>
            {
                if (response.StatusCode == 503)
                {
                    targets.Failed(target);
                    if (next > 0)
                    {
                        Retry(request, list, next, onResponse, onTimeout);
                        return;
                    }
                }
                else
                {
                    targets.Answered(target);
                }

                onResponse(response);
            },
            () =>
            {
                targets.Failed(target);
                if (next > 0)
                {
                    Retry(request, list, next, onResponse, onTimeout);
                }
                else
                {
                    onTimeout();
                }
            });
    }

    private void Retry(SipRequest request, IReadOnlyList<IPEndPoint> list, int index, Action<SipResponse> onResponse, Action onTimeout)
    {
        logger.LogInformation("{Method} to {Failed} failed; trying {Next}", request.Method, list[index - 1], list[index]);
        request.Set(HeaderNames.Via, ViaValue(Identifiers.NewBranch()));
        Attempt(request, list, index, failover: true, onResponse, onTimeout);
    }

    private static string? RouteThrough(SipAgentOptions options, string transportName)
    {
        if (options.OutboundProxy is not { } proxy || proxy == options.Registrar)
        {
            return null;
        }

        var transportParameter = transportName == "UDP" ? string.Empty : ";transport=" + transportName.ToLowerInvariant();
        return $"<sip:{proxy};lr{transportParameter}>";
    }
}
