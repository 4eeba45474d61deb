using DeskPhone.Phone.History;

namespace DeskPhone.Phone.Screens;

/// <summary>A screen of the call history (<see cref="PhoneMode.History"/>).</summary>
public abstract record HistoryScreen : DirectoryScreen;

/// <summary>What the history list asks before it deletes.</summary>
public enum HistoryPrompt
{
    None,

    /// <summary>"Delete this call?" for the selected record.</summary>
    DeleteOne,

    /// <summary>"Clear the history?" for every record.</summary>
    DeleteAll,
}

/// <summary>Placed, received and missed calls, newest first; <see cref="Selected"/> is highlighted.</summary>
/// <param name="Calls">A snapshot of the history when the screen was built.</param>
public sealed record HistoryListScreen(IReadOnlyList<CallRecord> Calls, int Selected, HistoryPrompt Prompt = HistoryPrompt.None)
    : HistoryScreen;

/// <summary>One call in full: kind, when, who, and how long.</summary>
public sealed record CallDetailScreen(CallRecord Call)
    : HistoryScreen;
