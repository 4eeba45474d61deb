using System.Globalization;

namespace DeskPhone.Sip.Subscriptions;

/// <summary>The substate a NOTIFY reports (RFC 6665 §4.1.3, §8.3.2).</summary>
internal enum Substate
{
    Active,
    Pending,
    Terminated,
}

/// <summary>
/// A NOTIFY's Subscription-State header (RFC 6665 §8.2.3, §4.1.3): the substate, the time left
/// (expires), why it ended (reason) and when to try again (retry-after).
/// </summary>
internal readonly record struct SubscriptionStateHeader(Substate State, int? Expires, string? Reason, int? RetryAfter)
{
    public const string Name = "Subscription-State";

    public static bool TryParse(string? value, out SubscriptionStateHeader header)
    {
        header = default;
        if (value is null)
        {
            return false;
        }

        var parts = value.Split(';', StringSplitOptions.TrimEntries);
        // §4.1.3: an unknown substate is an extension the subscriber does not know; like pending,
        // it says the subscription exists without promising state.
        var state = parts[0].ToLowerInvariant() switch
        {
            "" => (Substate?)null,
            "active" => Substate.Active,
            "terminated" => Substate.Terminated,
            _ => Substate.Pending,
        };
        if (state is not { } known)
        {
            return false;
        }

        int? expires = null, retryAfter = null;
        string? reason = null;
        foreach (var parameter in parts.AsSpan(1))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? parameter : parameter[..equals].TrimEnd();
            var text = equals < 0 ? string.Empty : parameter[(equals + 1)..].TrimStart();
            if (name.Equals("expires", StringComparison.OrdinalIgnoreCase))
            {
                if (!TryReadSeconds(text, out var seconds))
                {
                    return false;
                }

                expires = seconds;
            }
            else if (name.Equals("retry-after", StringComparison.OrdinalIgnoreCase))
            {
                if (!TryReadSeconds(text, out var seconds))
                {
                    return false;
                }

                retryAfter = seconds;
            }
            else if (name.Equals("reason", StringComparison.OrdinalIgnoreCase))
            {
                reason = text.ToLowerInvariant();
            }
        }

        header = new SubscriptionStateHeader(known, expires, reason, retryAfter);
        return true;
    }

    private static bool TryReadSeconds(string text, out int seconds) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seconds);
}
