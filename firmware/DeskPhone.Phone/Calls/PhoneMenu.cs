namespace DeskPhone.Phone;

/// <summary>The More menu: its entries, the selected one, and the mode to return to on Back.</summary>
public sealed record PhoneMenu(IReadOnlyList<MenuItem> Items, int Selected, PhoneMode ReturnTo);

public enum MenuItem
{
    /// <summary>Blind transfer of the current call.</summary>
    Transfer,

    /// <summary>Silence or restore the microphone.</summary>
    Mute,

    /// <summary>Turn Do Not Disturb on or off.</summary>
    DoNotDisturb,
}
