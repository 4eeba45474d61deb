namespace DeskPhone.Phone;

/// <summary>The number being typed to transfer the current call to.</summary>
public sealed record TransferEntry(TransferKind Kind, string Digits);

public enum TransferKind
{
    /// <summary>"Senza offerta": REFER at once (More → Transfer).</summary>
    Blind,

    /// <summary>"Con offerta": call the target first, transfer on hang-up (`*2` + extension).</summary>
    Attended,
}
