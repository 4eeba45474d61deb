namespace DeskPhone.Media;

/// <summary>Whose call-progress tones the phone plays (ITU-T E.180 Supplement 2 lists each country's).</summary>
public enum ToneLocale
{
    /// <summary>Italy: 425 Hz throughout, as the harmonised European tones (ETSI TR 101 041).</summary>
    Italy,

    /// <summary>United States: the North American precise tone plan (dual frequencies).</summary>
    UnitedStates,

    /// <summary>United Kingdom: BT's tones (400/450 Hz family).</summary>
    UnitedKingdom,
}
