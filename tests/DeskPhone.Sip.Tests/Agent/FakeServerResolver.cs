using System.Net;
using System.Net.Sockets;
using DeskPhone.Sip.Agent;

namespace DeskPhone.Sip.Tests.Agent;

/// <summary>
/// Answers look-ups from a table instead of the DNS, and records each one with whether it ran on
/// the signalling loop. <see cref="Hold"/> keeps the next answers back until released, to show the
/// loop goes on meanwhile.
/// </summary>
internal sealed class FakeServerResolver : IServerResolver
{
    private readonly Dictionary<string, ResolvedTargets> answers = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Host, bool OnLoop)> queries = [];
    private TaskCompletionSource? gate;

    public IReadOnlyList<(string Host, bool OnLoop)> Queries
    {
        get
        {
            lock (queries)
            {
                return queries.ToList();
            }
        }
    }

    public static IPEndPoint At(int lastByte, int port = 5060) => new(new IPAddress([10, 0, 0, (byte)lastByte]), port);

    /// <summary>What <paramref name="host"/> resolves to from now on, and for how long it may be kept.</summary>
    public void Answer(string host, TimeSpan ttl, params IPEndPoint[] targets)
    {
        lock (answers)
        {
            answers[host] = new ResolvedTargets(targets, ttl);
        }
    }

    public void Fail(string host, string error)
    {
        lock (answers)
        {
            answers[host] = ResolvedTargets.Failed(error);
        }
    }

    /// <summary>Holds answers back until <see cref="Release"/>.</summary>
    public void Hold() => gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => gate?.TrySetResult();

    public async Task<ResolvedTargets> ResolveAsync(ServerAddress server, string transport, AddressFamily family, CancellationToken cancellationToken)
    {
        lock (queries)
        {
            queries.Add((server.Host, Thread.CurrentThread.Name == "signalling"));
        }

        if (gate is { } held)
        {
            await held.Task.WaitAsync(cancellationToken);
        }

        lock (answers)
        {
            return answers.TryGetValue(server.Host, out var answer) ? answer : ResolvedTargets.Failed("NXDOMAIN");
        }
    }
}
