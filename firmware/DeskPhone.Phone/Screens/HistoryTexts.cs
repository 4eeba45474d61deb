using System.Globalization;
using DeskPhone.Phone.History;

namespace DeskPhone.Phone.Screens;

/// <summary>
/// How the call history screens write a call: its mark, its kind (in the words of
/// <see cref="LcdTexts"/>), when it was and how long it lasted.
/// </summary>
internal static class HistoryTexts
{
    /// <summary>The list's one-character mark: like the conversations, '&gt;' out and '&lt;' in; '!' a call not answered.</summary>
    public static char Mark(CallRecordKind kind) => kind switch
    {
        CallRecordKind.Placed => '>',
        CallRecordKind.Missed => '!',
        _ => '<',
    };

    public static string Kind(CallRecordKind kind, LcdTexts texts) => kind switch
    {
        CallRecordKind.Placed => texts.Placed,
        CallRecordKind.Missed => texts.Missed,
        _ => texts.Received,
    };

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
