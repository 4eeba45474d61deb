namespace DeskPhone.Sip.Messages;

/// <summary>Media types as Content-Type and Accept carry them (RFC 3261 §20.15, §20.1).</summary>
internal static class MediaType
{
    /// <summary>
    /// Whether <paramref name="value"/> names <paramref name="expected"/>, ignoring case, parameters
    /// and the LWS the grammar allows around "/" (RFC 3261 §25.1 SLASH).
    /// </summary>
    public static bool Is(string? value, string expected)
    {
        if (value is null)
        {
            return false;
        }

        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        var type = (semicolon < 0 ? value : value[..semicolon]).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\t", string.Empty, StringComparison.Ordinal);
        return type.Equals(expected, StringComparison.OrdinalIgnoreCase);
    }
}
