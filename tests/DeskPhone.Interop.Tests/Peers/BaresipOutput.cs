namespace DeskPhone.Interop.Tests.Peers;

/// <summary>
/// Reads the human-oriented text baresip 1.0.0's menu commands return over ctrl_tcp (colour codes
/// already removed). The formats are baresip's, observed on this version.
/// </summary>
internal static class BaresipOutput
{
    /// <summary>
    /// <c>reginfo</c> lists each account as "&gt; sip:aor   OK   Expires 3600s" once registered,
    /// and with "zzz" (idle) or "ERR" otherwise.
    /// </summary>
    public static bool IsRegistered(string reginfo) =>
        Lines(reginfo).Any(line => line.Contains(" OK ", StringComparison.Ordinal));

    /// <summary><c>reginfo</c> shows "ERR" once the registrar gave a final failure (the status is only in the log).</summary>
    public static bool IsRegistrationFailed(string reginfo) =>
        Lines(reginfo).Any(line => line.Contains(" ERR ", StringComparison.Ordinal));

    /// <summary><c>contacts</c> marks the current contact's line with a leading "&gt; ": "&gt; name &lt;sip:uri&gt;".</summary>
    public static bool IsCurrentContact(string contacts, string uri) =>
        Lines(contacts).Any(line => line.StartsWith("> ", StringComparison.Ordinal) && line.Contains($"<{uri}>", StringComparison.Ordinal));

    private static IEnumerable<string> Lines(string text) => text.Split('\n');
}
