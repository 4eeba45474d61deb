namespace DeskPhone.Media;

/// <summary>
/// Tones the phone plays to its own user. Their frequencies and cadences depend on the
/// <see cref="ToneLocale"/> the <see cref="AudioEngine"/> was built with.
/// </summary>
public enum CallProgressTone
{
    None,

    /// <summary>Off hook, ready to dial. Replaces call audio.</summary>
    Dial,

    /// <summary>The called party is being alerted. Replaces call audio.</summary>
    Ringback,

    /// <summary>The called party is busy. Replaces call audio.</summary>
    Busy,

    /// <summary>The network cannot complete the call (reorder). Replaces call audio.</summary>
    Congestion,

    /// <summary>Another call is waiting. Mixed over the call audio, which keeps playing.</summary>
    CallWaiting,
}
