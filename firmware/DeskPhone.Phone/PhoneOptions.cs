using System.ComponentModel.DataAnnotations;

namespace DeskPhone.Phone;

/// <summary>Behaviour of the phone logic; bound from the "Phone" configuration section.</summary>
public sealed class PhoneOptions
{
    public const string Section = "Phone";

    /// <summary>After this long without a new digit, the number typed so far is dialled.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:30")]
    public TimeSpan InterDigitTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>How long the "call ended" screen stays before the idle screen returns.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan EndedScreenTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Longest number the dialler accepts.</summary>
    [Range(1, 64)]
    public int MaxDialDigits { get; set; } = 32;
}
