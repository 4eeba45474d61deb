namespace DeskPhone.Sip.Subscriptions;

/// <summary>How the phone subscribes to its voicemail's message-waiting state (RFC 3842).</summary>
public sealed record MessageWaitingOptions
{
    public static readonly MessageWaitingOptions Default = new();

    /// <summary>
    /// The subscription lifetime asked for, in seconds (Expires of the SUBSCRIBE, RFC 6665
    /// §4.1.2.1); the server may grant less. RFC 3842 §3.4 suggests an hour. At least 60.
    /// </summary>
    public int ExpiresSeconds { get; init; } = 3600;

    /// <summary>
    /// The mailbox URI to subscribe to (Request-URI and To); null: the account's own address of
    /// record, which is what PBXes serve (RFC 3842 §3.6 names the subscriber's own account).
    /// </summary>
    public string? MailboxUri { get; init; }

    /// <summary>The problems with these values, empty when they are usable; the host names them at start-up.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ExpiresSeconds < 60)
        {
            errors.Add($"ExpiresSeconds must be at least 60, not {ExpiresSeconds}");
        }

        if (MailboxUri is { } uri && !uri.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) && !uri.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"MailboxUri must be a sip: or sips: URI, not '{uri}'");
        }

        return errors;
    }
}
