namespace DeskPhone.Hal;

/// <summary>Every key of the desk phone, whatever hardware or simulator produces it.</summary>
public enum PhoneKey
{
    Digit0,
    Digit1,
    Digit2,
    Digit3,
    Digit4,
    Digit5,
    Digit6,
    Digit7,
    Digit8,
    Digit9,
    Star,
    Pound,
    Hold,
    More,
    Transfer,
    /// <summary>The green key: send, dial, confirm.</summary>
    Send,
    /// <summary>The red key: end a call, cancel.</summary>
    End,
    Messages,
    Contacts,
    History,
    Up,
    Down,
    Ok,
    Back,
    Soft1,
    Soft2,
    Soft3,
    Soft4,
    Mute,
    VolumeUp,
    VolumeDown,
}
