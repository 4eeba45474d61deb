using System.Net;
using System.Net.Sockets;
using DeskPhone.Sip.Threading;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Sip.Agent;

/// <summary>
/// Where out-of-dialog requests go: the resolved targets of the outbound proxy or registrar
/// (RFC 3263 §4), kept for the answer's TTL by the loop's clock, and the one in use. The
/// resolution runs on the thread pool and its result is posted back, so the loop never waits
/// on DNS; requests that need targets meanwhile wait in a list. The target in use is the one
/// that last answered: requests stick to it until it times out or answers 503, then move to the
/// next (§4.3). A failed re-resolution keeps the previous targets (better than none while the
/// DNS server is away) and is retried after <see cref="RetryAfterFailure"/>. Runs on the loop;
/// events are raised there.
/// </summary>
internal sealed class NextHopTargets : IDisposable
{
    /// <summary>How long stale targets serve before DNS is asked again after a failed look-up.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(30);

    private readonly ServerAddress server;
    private readonly string transport;
    private readonly AddressFamily family;
    private readonly IServerResolver resolver;
    private readonly SignallingLoop loop;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private List<Action<IReadOnlyList<IPEndPoint>>>? waiting;
    private IReadOnlyList<IPEndPoint> ordered = [];
    private DateTimeOffset freshUntil = DateTimeOffset.MinValue;

    public NextHopTargets(ServerAddress server, string transport, AddressFamily family, IServerResolver resolver, SignallingLoop loop, ILogger logger)
    {
        this.server = server;
        this.transport = transport;
        this.family = family;
        this.resolver = resolver;
        this.loop = loop;
        this.logger = logger;
        if (server.Literal is { } literal)
        {
            // RFC 3263 §4.2: an IP literal needs no look-up and never expires.
            ordered = [new IPEndPoint(literal, server.Port ?? 5060)];
            Current = ordered[0];
            freshUntil = DateTimeOffset.MaxValue;
        }
    }

    /// <summary>The current target changed (failover, or a new resolution without it). THREAD: signalling loop.</summary>
    public event Action? CurrentChanged;

    /// <summary>A resolution brought a new list of targets. THREAD: signalling loop.</summary>
    public event Action<IReadOnlyList<IPEndPoint>>? Resolved;

    /// <summary>The server being resolved, as configured.</summary>
    public ServerAddress Server => server;

    /// <summary>The target requests go to now; null before the first successful resolution.</summary>
    public IPEndPoint? Current { get; private set; }

    /// <summary>Every known target, best first.</summary>
    public IReadOnlyList<IPEndPoint> All => ordered;

    /// <summary>Completes once the latest resolution's result has been posted to the loop (tests wait on it, then drain the loop).</summary>
    internal Task Resolution { get; private set; } = Task.CompletedTask;

    /// <summary>
    /// Calls <paramref name="ready"/> on the loop with the targets to try, the current one first
    /// and then the others in order: at once when the last answer is still fresh, otherwise after
    /// a new resolution. An empty list means there is nowhere to send.
    /// </summary>
    public void Resolve(Action<IReadOnlyList<IPEndPoint>> ready)
    {
        if (loop.Time.GetUtcNow() < freshUntil)
        {
            ready(Rotation());
            return;
        }

        if (waiting is not null)
        {
            waiting.Add(ready);
            return;
        }

        waiting = [ready];
        var token = stopping.Token;
        Resolution = Task.Run(() => resolver.ResolveAsync(server, transport, family, token), token)
            .ContinueWith(done => loop.Post(() => Complete(done)), TaskScheduler.Default);
    }

    /// <summary>A request sent to <paramref name="target"/> timed out or got 503: the next target takes over (§4.3).</summary>
    public void Failed(IPEndPoint target)
    {
        var index = IndexOf(target);
        if (index < 0 || !target.Equals(Current) || ordered.Count < 2)
        {
            return;
        }

        logger.LogWarning("SIP server {Target} of {Server} did not answer; using {Next}", target, server, ordered[(index + 1) % ordered.Count]);
        SetCurrent(ordered[(index + 1) % ordered.Count]);
    }

    /// <summary><paramref name="target"/> answered a request: requests stick to it.</summary>
    public void Answered(IPEndPoint target)
    {
        if (IndexOf(target) >= 0)
        {
            SetCurrent(target);
        }
    }

    public void Dispose()
    {
        stopping.Cancel();
        waiting = null;
    }

    private void Complete(Task<ResolvedTargets> done)
    {
        if (stopping.IsCancellationRequested || waiting is not { } callers)
        {
            return;
        }

        waiting = null;
        var now = loop.Time.GetUtcNow();
        var result = done.IsCompletedSuccessfully ? done.Result : ResolvedTargets.Failed(done.Exception?.GetBaseException().Message ?? "cancelled");
        if (result.EndPoints.Count == 0)
        {
            logger.LogWarning("Could not resolve the SIP server {Server} ({Error}); {Kept}", server, result.Error, ordered.Count > 0 ? "keeping the previous addresses" : "nowhere to send");
            freshUntil = ordered.Count > 0 ? now + RetryAfterFailure : DateTimeOffset.MinValue;
        }
        else
        {
            ordered = result.EndPoints;
            freshUntil = result.TimeToLive == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : now + result.TimeToLive;
            logger.LogInformation("SIP server {Server} is at {Targets} (for {Ttl} s)", server, string.Join(", ", ordered), result.TimeToLive.TotalSeconds);
            Resolved?.Invoke(ordered);
            SetCurrent(Current is { } current && IndexOf(current) >= 0 ? current : ordered[0]);
        }

        var targets = Rotation();
        foreach (var ready in callers)
        {
            ready(targets);
        }
    }

    private List<IPEndPoint> Rotation()
    {
        var start = Current is { } current ? Math.Max(0, IndexOf(current)) : 0;
        var rotation = new List<IPEndPoint>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            rotation.Add(ordered[(start + i) % ordered.Count]);
        }

        return rotation;
    }

    private int IndexOf(IPEndPoint target)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Equals(target))
            {
                return i;
            }
        }

        return -1;
    }

    private void SetCurrent(IPEndPoint target)
    {
        if (target.Equals(Current))
        {
            return;
        }

        Current = target;
        CurrentChanged?.Invoke();
    }
}
