using System.Text;

namespace DeskPhone.Interop.Tests.Peers;

/// <summary>
/// A child process's stdout and stderr, line by line, with ANSI colour codes removed, and a way to
/// wait for a line containing some text. baresip writes its log unbuffered, so lines arrive live.
/// </summary>
internal sealed class ProcessOutputLog(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waiters = [];

    /// <summary>Everything logged so far.</summary>
    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>Adds one line. Called on the process's output-reading threads (thread-pool threads).</summary>
    public void Append(string line)
    {
        var clean = AnsiEscapes.Strip(line);
        lock (_gate)
        {
            _text.Append(clean).Append('\n');
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (clean.Contains(_waiters[i].Text, StringComparison.Ordinal))
                {
                    // Continuations run asynchronously, so completing under the lock is safe.
                    _waiters[i].Seen.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    /// <summary>True once a line containing <paramref name="text"/> has been logged.</summary>
    public bool Contains(string text)
    {
        lock (_gate)
        {
            return _text.ToString().Contains(text, StringComparison.Ordinal);
        }
    }

    /// <summary>Waits until a line containing <paramref name="text"/> is logged; false on timeout.</summary>
    public async Task<bool> WaitForAsync(string text, TimeSpan timeout, CancellationToken ct)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_text.ToString().Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            _waiters.Add((text, seen));
        }

        try
        {
            await seen.Task.WaitAsync(timeout, timeProvider, ct);
            return true;
        }
        catch (TimeoutException)
        {
            return Abandon(seen);
        }
        catch (OperationCanceledException)
        {
            Abandon(seen);
            throw;
        }
    }

    /// <summary>Withdraws a waiter; true if the text was logged in the meantime.</summary>
    private bool Abandon(TaskCompletionSource seen)
    {
        lock (_gate)
        {
            _waiters.RemoveAll(w => ReferenceEquals(w.Seen, seen));
            return seen.Task.IsCompletedSuccessfully;
        }
    }
}
