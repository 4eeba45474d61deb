using System.ComponentModel.DataAnnotations;
using DeskPhone.Media;

namespace DeskPhone.Configuration;

/// <summary>The handset's audio path ("Audio" section), whatever hardware plays it.</summary>
public sealed class HandsetAudioOptions : IValidatableObject
{
    public const string Section = "Audio";

    /// <summary>
    /// The talker's own voice in the earpiece during a call, in dB relative to the microphone
    /// (<see cref="AudioEngine.MinSidetoneDb"/> to <see cref="AudioEngine.MaxSidetoneDb"/>); 0 turns
    /// it off. About -18 dB sounds like a classic handset: the line feels alive without an echo.
    /// </summary>
    public double SidetoneDb { get; set; } = -18;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SidetoneDb != 0 && SidetoneDb is not (>= AudioEngine.MinSidetoneDb and <= AudioEngine.MaxSidetoneDb))
        {
            yield return new ValidationResult(
                $"must be 0 (off) or {AudioEngine.MinSidetoneDb} to {AudioEngine.MaxSidetoneDb} dB, is {SidetoneDb}",
                [nameof(SidetoneDb)]);
        }
    }
}
