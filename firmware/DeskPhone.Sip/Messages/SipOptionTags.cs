namespace DeskPhone.Sip.Messages;

/// <summary>The SIP extensions (option tags, RFC 3261 §19.2) this user agent implements.</summary>
public static class SipOptionTags
{
    /// <summary>RFC 3891: an INVITE may replace one of our dialogs.</summary>
    public const string Replaces = "replaces";

    /// <summary>RFC 4028: session timers (Session-Expires, Min-SE, 422).</summary>
    public const string Timer = "timer";

    /// <summary>The value of our Supported header (RFC 3261 §20.37): every tag we implement.</summary>
    public const string SupportedList = Replaces + ", " + Timer;

    private static readonly string[] Supported = [Replaces, Timer];

    /// <summary>True for an option tag we implement; tags are tokens compared exactly (§19.2).</summary>
    public static bool IsSupported(string tag) => Array.IndexOf(Supported, tag) >= 0;
}
