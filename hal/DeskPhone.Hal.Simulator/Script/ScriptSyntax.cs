using System.Globalization;

namespace DeskPhone.Hal.Simulator;

/// <summary>Parsing of the script front-end's arguments; every failure is a message, never an exception.</summary>
internal static class ScriptSyntax
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private static readonly Dictionary<string, PhoneKey> KeysByName =
        Enum.GetValues<PhoneKey>().ToDictionary(key => key.ToString(), StringComparer.OrdinalIgnoreCase);

    /// <summary>A key by its <see cref="PhoneKey"/> name (any case) or its dial character.</summary>
    public static bool TryParseKey(string text, out PhoneKey key) =>
        (text.Length == 1 && SimulatedKeypad.TryGetDialKey(text[0], out key)) || KeysByName.TryGetValue(text, out key);

    /// <summary>
    /// The arguments of <c>wait TEXT [SECONDS]</c>. TEXT may be in double quotes to hold
    /// spaces; unquoted, a last word that is a number is the timeout, unless it is the only word.
    /// </summary>
    public static bool TryParseWait(string arguments, out string text, out TimeSpan timeout, out string error)
    {
        text = string.Empty;
        timeout = DefaultWait;
        string secondsText;
        if (arguments.StartsWith('"'))
        {
            int close = arguments.IndexOf('"', 1);
            if (close < 0)
            {
                error = "wait: missing closing quote";
                return false;
            }

            text = arguments[1..close];
            secondsText = arguments[(close + 1)..].Trim();
        }
        else
        {
            int lastSpace = arguments.LastIndexOf(' ');
            bool endsWithNumber = lastSpace > 0 && double.TryParse(arguments[(lastSpace + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out _);
            text = endsWithNumber ? arguments[..lastSpace].TrimEnd() : arguments;
            secondsText = endsWithNumber ? arguments[(lastSpace + 1)..] : string.Empty;
        }

        if (text.Length == 0)
        {
            error = "wait: TEXT is missing";
            return false;
        }

        if (secondsText.Length > 0)
        {
            if (!double.TryParse(secondsText, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds)
                || !double.IsFinite(seconds) || seconds < 0 || seconds > 3600)
            {
                error = $"wait: '{secondsText}' is not a number of seconds (0–3600)";
                return false;
            }

            timeout = TimeSpan.FromSeconds(seconds);
        }

        error = string.Empty;
        return true;
    }
}
