namespace DeskPhone.Phone.History;

public enum CallRecordKind
{
    Placed,
    Received,
    Missed,
}

/// <summary>One line of the call history.</summary>
public sealed record CallRecord(CallRecordKind Kind, string Number, string? Name, DateTimeOffset Started, TimeSpan Duration);
