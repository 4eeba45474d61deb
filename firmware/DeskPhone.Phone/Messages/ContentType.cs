namespace DeskPhone.Phone.Messages;

/// <summary>A Content-Type value split into its media type and charset (RFC 3261 §20.15, RFC 2045 §5.1).</summary>
internal readonly record struct ContentType(string MediaType, string? Charset)
{
    /// <summary>Lower-cased media type and charset; parameter values may be quoted.</summary>
    public static ContentType Parse(string value)
    {
        var parts = value.Split(';', StringSplitOptions.TrimEntries);
        string? charset = null;
        foreach (var parameter in parts.AsSpan(1))
        {
            var eq = parameter.IndexOf('=');
            if (eq > 0 && parameter[..eq].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                charset = parameter[(eq + 1)..].Trim().Trim('"').ToLowerInvariant();
            }
        }

        return new ContentType(parts[0].ToLowerInvariant(), charset);
    }
}
