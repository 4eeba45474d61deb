namespace DeskPhone.Media;

/// <summary>
/// Tones the phone plays to its own user. Frequencies and cadences are the harmonised European
/// ones (ETSI TR 101 041, ITU-T E.180 Supplement 2): 425 Hz throughout. Italy's national dial
/// tone is cadenced rather than continuous; the harmonised continuous one is used for now.
/// </summary>
public enum CallProgressTone
{
    None,

    /// <summary>Continuous.</summary>
    Dial,

    /// <summary>1 s on, 4 s off.</summary>
    Ringback,

    /// <summary>0.5 s on, 0.5 s off.</summary>
    Busy,

    /// <summary>0.2 s on, 0.2 s off.</summary>
    Congestion,
}
