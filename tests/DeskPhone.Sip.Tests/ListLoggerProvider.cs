using Microsoft.Extensions.Logging;

namespace DeskPhone.Sip.Tests;

/// <summary>Keeps every formatted log line (with its level) so tests can count what was logged.</summary>
internal sealed class ListLoggerProvider : ILoggerProvider, ILoggerFactory
{
    private readonly List<(LogLevel Level, string Text)> lines = [];

    public IReadOnlyList<(LogLevel Level, string Text)> Lines
    {
        get
        {
            lock (lines)
            {
                return lines.ToList();
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new ListLogger(this);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("One provider only.");

    public void Dispose()
    {
    }

    private void Add(LogLevel level, string text)
    {
        lock (lines)
        {
            lines.Add((level, text));
        }
    }

    private sealed class ListLogger(ListLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(logLevel, formatter(state, exception));
    }
}
