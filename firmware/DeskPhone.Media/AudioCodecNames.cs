using DeskPhone.Media.Sdp;

namespace DeskPhone.Media;

/// <summary>
/// Codec names as a person writes them in a configuration file: the SDP encoding names
/// (PCMU, PCMA, G722, opus), compared without regard to case as SDP does (RFC 4855 §3).
/// </summary>
public static class AudioCodecNames
{
    /// <summary>Every name <see cref="TryParse"/> accepts, in the spelling used in messages.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<AudioCodec>().Select(Name)];

    /// <summary>The name of <paramref name="codec"/>: "PCMU", "PCMA", "G722" or "Opus".</summary>
    public static string Name(AudioCodec codec) =>
        codec == AudioCodec.Opus ? "Opus" : SdpFormats.EncodingName(codec);

    /// <summary>Reads a codec name; surrounding blanks are ignored, anything else unknown is false.</summary>
    public static bool TryParse(string? name, out AudioCodec codec)
    {
        string trimmed = name?.Trim() ?? string.Empty;
        foreach (AudioCodec candidate in Enum.GetValues<AudioCodec>())
        {
            if (trimmed.Equals(SdpFormats.EncodingName(candidate), StringComparison.OrdinalIgnoreCase))
            {
                codec = candidate;
                return true;
            }
        }

        codec = default;
        return false;
    }
}
