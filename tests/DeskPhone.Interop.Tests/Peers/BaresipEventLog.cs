namespace DeskPhone.Interop.Tests.Peers;

/// <summary>
/// Every event a baresip instance pushed, plus "take" semantics for waiting: each wait claims the
/// oldest unclaimed matching event, so an event that arrives before the test starts waiting is not
/// missed, and two calls in one test do not both see the first call's CALL_ESTABLISHED.
/// </summary>
internal sealed class BaresipEventLog(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly List<BaresipEvent> _all = [];
    private readonly List<BaresipEvent> _unclaimed = [];
    private readonly List<Waiter> _waiters = [];

    /// <summary>All events so far, oldest first.</summary>
    public IReadOnlyList<BaresipEvent> Snapshot()
    {
        lock (_gate)
        {
            return [.. _all];
        }
    }

    /// <summary>Records an event and hands it to the oldest waiter that wants it. Called on the control channel's reader thread.</summary>
    public void Add(BaresipEvent e)
    {
        lock (_gate)
        {
            _all.Add(e);
            var waiter = _waiters.Find(w => w.Match(e));
            if (waiter is null)
            {
                _unclaimed.Add(e);
                return;
            }

            _waiters.Remove(waiter);

            // Continuations run asynchronously (see Waiter), so completing under the lock is safe.
            waiter.Result.TrySetResult(e);
        }
    }

    /// <summary>
    /// Claims the oldest unclaimed event that matches, waiting up to <paramref name="timeout"/> for one.
    /// Returns null on timeout.
    /// </summary>
    public async Task<BaresipEvent?> TakeAsync(Func<BaresipEvent, bool> match, TimeSpan timeout, CancellationToken ct)
    {
        Waiter waiter;
        lock (_gate)
        {
            var index = _unclaimed.FindIndex(e => match(e));
            if (index >= 0)
            {
                var found = _unclaimed[index];
                _unclaimed.RemoveAt(index);
                return found;
            }

            waiter = new Waiter(match);
            _waiters.Add(waiter);
        }

        try
        {
            return await waiter.Result.Task.WaitAsync(timeout, timeProvider, ct);
        }
        catch (TimeoutException)
        {
            return Abandon(waiter);
        }
        catch (OperationCanceledException)
        {
            Abandon(waiter);
            throw;
        }
    }

    /// <summary>Withdraws a waiter; if an event reached it in the meantime, that event is still returned.</summary>
    private BaresipEvent? Abandon(Waiter waiter)
    {
        lock (_gate)
        {
            _waiters.Remove(waiter);
            return waiter.Result.Task.IsCompletedSuccessfully ? waiter.Result.Task.Result : null;
        }
    }

    private sealed class Waiter(Func<BaresipEvent, bool> match)
    {
        public Func<BaresipEvent, bool> Match { get; } = match;

        public TaskCompletionSource<BaresipEvent> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
