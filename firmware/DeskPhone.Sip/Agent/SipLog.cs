using Microsoft.Extensions.Logging;

namespace DeskPhone.Sip.Agent;

/// <summary>Log messages of the SIP layer, generated once (no formatting cost when disabled).</summary>
internal static partial class SipLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "MESSAGE from {Sender} answered {StatusCode}")]
    public static partial void LogMessageAnswered(this ILogger logger, string sender, int statusCode);
}
