using System.Globalization;
using DeskPhone.Phone.History;

namespace DeskPhone.Phone.Screens;

/// <summary>Every word the call history screens show, in one place for translation.</summary>
internal static class HistoryTexts
{
    public const string Empty = "No calls";
    public const string Call = "Call";
    public const string Message = "Msg";
    public const string Delete = "Del";
    public const string Back = "Back";
    public const string Yes = "Yes";
    public const string All = "All";
    public const string No = "No";
    public const string DeleteOne = "Delete this call?";
    public const string DeleteAll = "Clear the history?";

    /// <summary>The list's one-character mark: like the conversations, '&gt;' out and '&lt;' in; '!' a call not answered.</summary>
    public static char Mark(CallRecordKind kind) => kind switch
    {
        CallRecordKind.Placed => '>',
        CallRecordKind.Missed => '!',
        _ => '<',
    };

    public static string Kind(CallRecordKind kind) => kind switch
    {
        CallRecordKind.Placed => "Placed",
        CallRecordKind.Missed => "Missed",
        _ => "Received",
    };

    public static string Calls(int count) => count == 1 ? "1 call" : $"{count} calls";

    /// <summary>Date and time of a call, day first: "24/11 09:28".</summary>
    public static string When(DateTimeOffset at) => at.ToString("dd/MM HH:mm", CultureInfo.InvariantCulture);

    /// <summary>How long a call lasted, short: "45s", "2m05s", "1h02m"; nothing for a call never answered.</summary>
    public static string Duration(TimeSpan duration) => duration switch
    {
        { Ticks: <= 0 } => string.Empty,
        { TotalMinutes: < 1 } => $"{duration.Seconds}s",
        { TotalHours: < 1 } => $"{duration.Minutes}m{duration.Seconds:00}s",
        _ => $"{(int)duration.TotalHours}h{duration.Minutes:00}m",
    };
}
