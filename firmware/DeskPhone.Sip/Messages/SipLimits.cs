namespace DeskPhone.Sip.Messages;

/// <summary>
/// Bounds on what the parser accepts, so a hostile or broken peer cannot make it use unbounded
/// memory or time. Generous for real traffic (RFC 4475 §3.1.1.7's long values fit easily).
/// </summary>
public static class SipLimits
{
    /// <summary>Largest message: the largest UDP payload (RFC 3261 §18.1.1 keeps real ones far smaller).</summary>
    public const int MaxMessageBytes = 65_535;

    /// <summary>Most header fields in one message.</summary>
    public const int MaxHeaderFields = 256;

    /// <summary>Longest header field, name and folded continuation lines included.</summary>
    public const int MaxHeaderFieldBytes = 8_192;

    /// <summary>Largest Content-Length accepted (the body must also fit in the message).</summary>
    public const int MaxContentLength = 65_535;
}
