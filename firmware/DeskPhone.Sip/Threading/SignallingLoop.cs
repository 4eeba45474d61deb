using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Sip.Threading;

/// <summary>
/// The one thread that owns SIP and call state. Sockets, timers, the HAL and the UI never touch
/// that state directly: they post work here. Nothing on this thread blocks on I/O.
/// </summary>
public sealed class SignallingLoop : IDisposable
{
    private readonly Channel<Action> work = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ILogger logger;
    private readonly Thread thread;

    public SignallingLoop(TimeProvider time, ILogger<SignallingLoop> logger)
    {
        Time = time;
        this.logger = logger;
        thread = new Thread(Run) { IsBackground = true, Name = "signalling" };
        thread.Start();
    }

    public TimeProvider Time { get; }

    /// <summary>True when the caller runs on the loop thread.</summary>
    public bool IsCurrent => Thread.CurrentThread == thread;

    /// <summary>Queues work to run on the loop thread. Callable from any thread.</summary>
    public void Post(Action action) => work.Writer.TryWrite(action);

    /// <summary>Runs a function on the loop and returns its result to the caller's thread.</summary>
    public Task<T> InvokeAsync<T>(Func<T> function)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try
            {
                result.SetResult(function());
            }
            catch (Exception exception)
            {
                result.SetException(exception);
            }
        });
        return result.Task;
    }

    public Task InvokeAsync(Action action) => InvokeAsync(() =>
    {
        action();
        return true;
    });

    /// <summary>
    /// A one-shot timer from the injected clock; its callback runs on the loop thread. Dispose the
    /// returned timer to cancel it.
    /// </summary>
    public ITimer Schedule(TimeSpan due, Action callback) =>
        Time.CreateTimer(_ => Post(callback), null, due, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        work.Writer.TryComplete();
        if (!IsCurrent)
        {
            thread.Join(TimeSpan.FromSeconds(5));
        }
    }

    private void Run()
    {
        var reader = work.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var action))
            {
                try
                {
                    action();
                }
                catch (Exception exception)
                {
                    // A bug in one handler must not stop the phone; it is logged loudly instead.
                    logger.LogError(exception, "Unhandled exception on the signalling loop");
                }
            }
        }
    }
}
