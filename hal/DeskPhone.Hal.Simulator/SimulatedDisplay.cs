namespace DeskPhone.Hal.Simulator;

/// <summary>
/// A character LCD kept in memory: front-ends draw it, tests read it or wait for it.
/// </summary>
public sealed class SimulatedDisplay : ICharacterDisplay
{
    private readonly TimeProvider _timeProvider;

    // Replaced whole on each change, never mutated, so any thread can read a consistent screen
    // without a lock while the phone loop writes.
    private volatile IReadOnlyList<string> _lines;
    private volatile bool _backlight = true;

    /// <param name="timeProvider">Times <see cref="WaitForAsync"/>'s timeout; the system clock by default.</param>
    public SimulatedDisplay(int columns = 20, int rows = 4, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        Columns = columns;
        Rows = rows;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _lines = Array.AsReadOnly(Enumerable.Repeat(new string(' ', columns), rows).ToArray());
    }

    public int Columns { get; }

    public int Rows { get; }

    /// <summary>The rows now shown, each exactly <see cref="Columns"/> characters.</summary>
    public IReadOnlyList<string> Lines => _lines;

    public bool Backlight => _backlight;

    /// <summary>
    /// Raised when the text or the backlight changes; showing the same screen again raises
    /// nothing. THREAD: the caller of <see cref="Show"/> or <see cref="SetBacklight"/> (the
    /// phone loop); handlers must not block it.
    /// </summary>
    public event Action? Changed;

    /// <summary>
    /// Shows <paramref name="lines"/>: each row padded with spaces or cut to
    /// <see cref="Columns"/>, missing rows blank, rows past <see cref="Rows"/> ignored.
    /// </summary>
    public void Show(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var next = new string[Rows];
        for (int row = 0; row < Rows; row++)
        {
            string text = row < lines.Count ? lines[row] ?? string.Empty : string.Empty;
            next[row] = text.Length >= Columns ? text[..Columns] : text.PadRight(Columns);
        }

        if (next.SequenceEqual(_lines, StringComparer.Ordinal))
        {
            return;
        }

        _lines = Array.AsReadOnly(next);
        Changed?.Invoke();
    }

    public void SetBacklight(bool on)
    {
        if (_backlight == on)
        {
            return;
        }

        _backlight = on;
        Changed?.Invoke();
    }

    /// <summary>The rows joined by '\n'.</summary>
    public string Snapshot() => string.Join('\n', _lines);

    /// <summary>True when some row contains <paramref name="text"/> (ordinal).</summary>
    public bool ContainsText(string text) => ContainsText(_lines, text);

    /// <summary>
    /// Completes with true as soon as <paramref name="predicate"/> holds for the screen — at
    /// once if it already does — or with false when <paramref name="timeout"/> passes first.
    /// The predicate runs on the phone loop at each change, so it must be quick.
    /// </summary>
    /// <param name="timeout">Zero checks only the current screen; <see cref="Timeout.InfiniteTimeSpan"/> never times out.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public async Task<bool> WaitForAsync(
        Func<IReadOnlyList<string>, bool> predicate,
        TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "Must be zero or more, or infinite.");
        }

        var outcome = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            try
            {
                if (predicate(_lines))
                {
                    outcome.TrySetResult(true);
                }
            }
            catch (Exception e)
            {
                // A faulty predicate is the waiting test's bug: report it there, not on the phone loop.
                outcome.TrySetException(e);
            }
        }

        // Subscribe before the first check so a change between the two cannot be missed.
        Changed += Check;
        try
        {
            Check();
            if (outcome.Task.IsCompleted || timeout == TimeSpan.Zero)
            {
                return outcome.Task.IsCompleted && await outcome.Task.ConfigureAwait(false);
            }

            using var timer = new CancellationTokenSource(timeout, _timeProvider);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
            using (either.Token.Register(() => outcome.TrySetResult(false)))
            {
                bool shown = await outcome.Task.ConfigureAwait(false);
                if (!shown)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                return shown;
            }
        }
        finally
        {
            Changed -= Check;
        }
    }

    /// <summary>Waits until some row contains <paramref name="text"/>; see <see cref="WaitForAsync"/>.</summary>
    public Task<bool> WaitForTextAsync(string text, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return WaitForAsync(lines => ContainsText(lines, text), timeout, cancellationToken);
    }

    private static bool ContainsText(IReadOnlyList<string> lines, string text)
    {
        foreach (string line in lines)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
