using System.Globalization;

namespace DeskPhone.Sip.Messages;

/// <summary>Who refreshes a session (RFC 4028 §4): the client or the server of the transaction that set the interval.</summary>
internal enum SessionRefresher
{
    Uac,
    Uas,
}

/// <summary>
/// A Session-Expires value (RFC 4028 §4): delta-seconds with an optional refresher parameter;
/// other parameters are allowed by the grammar and ignored. The same delta-seconds syntax is
/// read for Min-SE (§5).
/// </summary>
internal readonly record struct SessionExpires(int Seconds, SessionRefresher? Refresher)
{
    /// <summary>
    /// Reads the header of <paramref name="message"/>: false when it is absent; <paramref name="malformed"/>
    /// tells a present but unreadable value apart, which a request is refused for (400).
    /// </summary>
    public static bool TryRead(SipMessage message, out SessionExpires value, out bool malformed)
    {
        value = default;
        var text = message.Get(HeaderNames.SessionExpires);
        malformed = text is not null && !TryParse(text, out value);
        return text is not null && !malformed;
    }

    public static bool TryParse(string text, out SessionExpires value)
    {
        value = default;
        var parts = text.Split(';', StringSplitOptions.TrimEntries);
        if (!TryParseDeltaSeconds(parts[0], out var seconds))
        {
            return false;
        }

        SessionRefresher? refresher = null;
        foreach (var parameter in parts.AsSpan(1))
        {
            var eq = parameter.IndexOf('=');
            var name = (eq < 0 ? parameter : parameter[..eq]).Trim();
            if (!name.Equals("refresher", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var role = eq < 0 ? string.Empty : parameter[(eq + 1)..].Trim();
            refresher = role.Equals("uac", StringComparison.OrdinalIgnoreCase) ? SessionRefresher.Uac
                : role.Equals("uas", StringComparison.OrdinalIgnoreCase) ? SessionRefresher.Uas
                : null;
            if (refresher is null)
            {
                return false;
            }
        }

        value = new SessionExpires(seconds, refresher);
        return true;
    }

    /// <summary>The seconds of a Min-SE header (RFC 4028 §5), or null when absent or malformed.</summary>
    public static int? ReadMinimum(SipMessage message)
    {
        var text = message.Get(HeaderNames.MinSessionExpires);
        var semicolon = text?.IndexOf(';') ?? -1;
        return text is not null && TryParseDeltaSeconds(semicolon < 0 ? text.Trim() : text[..semicolon].Trim(), out var seconds) ? seconds : null;
    }

    public override string ToString() => Refresher switch
    {
        SessionRefresher.Uac => string.Create(CultureInfo.InvariantCulture, $"{Seconds};refresher=uac"),
        SessionRefresher.Uas => string.Create(CultureInfo.InvariantCulture, $"{Seconds};refresher=uas"),
        _ => Seconds.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>delta-seconds = 1*DIGIT (RFC 3261 §25.1); a value beyond 32 bits is kept as the largest int.</summary>
    private static bool TryParseDeltaSeconds(string digits, out int seconds)
    {
        seconds = 0;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        seconds = int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : int.MaxValue;
        return true;
    }
}
