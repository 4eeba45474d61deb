namespace DeskPhone.Phone;

/// <summary>What is true of the call on the handset besides its mode.</summary>
[Flags]
public enum CallFlags
{
    None = 0,

    /// <summary>We hold the peer (our re-INVITE with sendonly or inactive was accepted).</summary>
    OnHold = 1,

    /// <summary>The peer holds us (its offer was sendonly or inactive, or c=0.0.0.0).</summary>
    HeldByPeer = 2,

    /// <summary>The microphone is silenced.</summary>
    Muted = 4,

    /// <summary>The call is the consultation of an attended transfer; <see cref="PhoneView.Other"/> is the caller on hold.</summary>
    Consultation = 8,
}
