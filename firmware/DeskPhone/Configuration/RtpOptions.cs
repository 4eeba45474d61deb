using System.ComponentModel.DataAnnotations;
using DeskPhone.Hal.Scheduling;
using DeskPhone.Media;

namespace DeskPhone.Configuration;

/// <summary>Media ports and codecs ("Rtp" section).</summary>
public sealed class RtpOptions : IValidatableObject
{
    public const string Section = "Rtp";

    /// <summary>
    /// The codecs offered when <see cref="Codecs"/> is not set: G.722 first for wideband
    /// ("HD") calls with PBXs that pass it, then both G.711 laws, which every SIP device speaks.
    /// </summary>
    public static IReadOnlyList<AudioCodec> DefaultCodecs { get; } = [AudioCodec.G722, AudioCodec.Pcmu, AudioCodec.Pcma];

    /// <summary>Lowest UDP port for RTP (even ports are used, RFC 3550 §11).</summary>
    [Range(1024, 65534)]
    public int PortMin { get; set; } = 16384;

    [Range(1025, 65535)]
    public int PortMax { get; set; } = 16482;

    /// <summary>
    /// 1–99: each call's "RTP receive" thread asks for SCHED_FIFO at this priority, so a busy CPU
    /// does not delay its wake-up (which the jitter buffer would take for network jitter); 0:
    /// it does not ask. The default is one below the audio thread's default (50), which must
    /// stay higher: audio periods come first.
    /// </summary>
    public int ReceiveRealtimePriority { get; set; } = 49;

    /// <summary>
    /// The codecs offered, most preferred first ("Rtp:Codecs:0" = "G722", …; names of
    /// <see cref="AudioCodecNames"/>); the first one the peer also has is used (RFC 3264 §6.1).
    /// Null when the configuration does not set it, and <see cref="DefaultCodecs"/> apply: the
    /// configuration binder appends to a list that already has items instead of replacing it.
    /// </summary>
    public string[]? Codecs { get; set; }

    /// <summary>The codec preference to negotiate with; valid once <see cref="Validate"/> found no error.</summary>
    public IReadOnlyList<AudioCodec> EffectiveCodecs =>
        Codecs is null ? DefaultCodecs : [.. Codecs.Select(Parse)];

    private static AudioCodec Parse(string name) => AudioCodecNames.TryParse(name, out var codec)
        ? codec
        : throw new InvalidOperationException($"Rtp:Codecs: unknown codec '{name}': the options were used without being validated");

    /// <summary>Checks <see cref="ReceiveRealtimePriority"/> and <see cref="Codecs"/>: known names, at least one, none twice.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReceiveRealtimePriority is < 0 or > RealtimeScheduling.MaxPriority)
        {
            yield return new ValidationResult(
                $"must be 0 (off) or 1–{RealtimeScheduling.MaxPriority}, is {ReceiveRealtimePriority}",
                [nameof(ReceiveRealtimePriority)]);
        }

        if (Codecs is null)
        {
            yield break;
        }

        string[] key = [nameof(Codecs)];
        var known = string.Join(", ", AudioCodecNames.All);
        if (Codecs.Length == 0 || Codecs.All(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult($"must list at least one codec ({known})", key);
            yield break;
        }

        var seen = new HashSet<AudioCodec>();
        foreach (var name in Codecs)
        {
            if (!AudioCodecNames.TryParse(name, out var codec))
            {
                yield return new ValidationResult($"unknown codec '{name}' (known: {known})", key);
            }
            else if (!seen.Add(codec))
            {
                yield return new ValidationResult($"{AudioCodecNames.Name(codec)} is listed more than once", key);
            }
        }
    }
}
