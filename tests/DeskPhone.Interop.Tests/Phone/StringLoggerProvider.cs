using System.Text;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Interop.Tests.Phone;

/// <summary>Keeps the phone's log in memory so a failing test can show it.</summary>
internal sealed class StringLoggerProvider : ILoggerProvider
{
    private readonly StringBuilder text = new();

    public string Text
    {
        get
        {
            lock (text)
            {
                return text.ToString();
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(StringLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (provider.text)
            {
                provider.text.Append(DateTime.Now.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture))
                    .Append(' ').Append(logLevel).Append(' ').Append(category).Append(": ").AppendLine(formatter(state, exception));
            }
        }
    }
}
