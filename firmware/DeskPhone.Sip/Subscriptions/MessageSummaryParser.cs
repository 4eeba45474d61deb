using System.Globalization;
using System.Text;

namespace DeskPhone.Sip.Subscriptions;

/// <summary>
/// Reads an application/simple-message-summary body (RFC 3842 §5.2). The first section holds
/// the Messages-Waiting status line, an optional Message-Account and one summary line per
/// message-context class; a blank line may then start optional message headers, which the
/// phone does not show and skips. Names are case-insensitive, lines end in CRLF or a bare LF,
/// folded lines (starting with a space or tab) continue the one before. Lines of the first
/// section this phone does not know are skipped (extensions), but a known line whose value
/// does not follow the grammar makes the whole body malformed: the phone keeps what it showed
/// before rather than guess. Never throws; the defect is short, fixed text for a 400's reason
/// phrase, never an echo of the input.
/// </summary>
internal static class MessageSummaryParser
{
    /// <summary>Far more than a summary with every optional header; a larger body is refused rather than read.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>RFC 3842 §5.2 message-context-class values other than voice-message, checked but not kept.</summary>
    private static readonly string[] OtherClasses = ["fax-message", "pager-message", "multimedia-message", "text-message", "none"];

    public static bool TryParse(ReadOnlySpan<byte> body, out MessageWaitingState? state, out string defect)
    {
        state = null;
        defect = string.Empty;
        if (body.Length > MaxBodyBytes)
        {
            defect = "message summary too large";
            return false;
        }

        bool? waiting = null;
        string? account = null;
        MessageCounts? voice = null;
        foreach (var line in LogicalLines(Encoding.UTF8.GetString(body)))
        {
            if (line.Length == 0)
            {
                if (waiting is null && account is null && voice is null)
                {
                    continue;
                }

                // §5.2 opt-msg-headers: what follows the blank line describes single messages.
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                defect = "message summary line without a name";
                return false;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Messages-Waiting", StringComparison.OrdinalIgnoreCase))
            {
                if (waiting is not null)
                {
                    defect = "Messages-Waiting given twice";
                    return false;
                }

                waiting = value.Equals("yes", StringComparison.OrdinalIgnoreCase) ? true
                    : value.Equals("no", StringComparison.OrdinalIgnoreCase) ? false
                    : null;
                if (waiting is null)
                {
                    defect = "Messages-Waiting is neither yes nor no";
                    return false;
                }
            }
            else if (name.Equals("Message-Account", StringComparison.OrdinalIgnoreCase))
            {
                if (value.Length == 0 || value.Contains(' ', StringComparison.Ordinal))
                {
                    defect = "Message-Account is not a URI";
                    return false;
                }

                account = value;
            }
            else if (name.Equals("Voice-Message", StringComparison.OrdinalIgnoreCase))
            {
                if (!TryReadCounts(value, out var counts))
                {
                    defect = "Voice-Message counts malformed";
                    return false;
                }

                voice = counts;
            }
            else if (Array.Exists(OtherClasses, known => name.Equals(known, StringComparison.OrdinalIgnoreCase)) && !TryReadCounts(value, out _))
            {
                defect = "message counts malformed";
                return false;
            }
        }

        if (waiting is not { } status)
        {
            defect = "no Messages-Waiting line";
            return false;
        }

        state = new MessageWaitingState(status, account, voice);
        return true;
    }

    /// <summary>Lines with CRLF or LF ends, folded continuations joined (RFC 3261 §7.3.1, which §5.2 follows).</summary>
    private static List<string> LogicalLines(string text)
    {
        var lines = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.EndsWith('\r') ? raw[..^1] : raw;
            if (line.Length > 0 && line[0] is ' ' or '\t' && lines.Count > 0 && lines[^1].Length > 0)
            {
                lines[^1] += " " + line.Trim();
            }
            else
            {
                lines.Add(line.Trim().Length == 0 ? string.Empty : line);
            }
        }

        return lines;
    }

    /// <summary>§5.2: newmsgs SLASH oldmsgs [ LPAREN new-urgentmsgs SLASH old-urgentmsgs RPAREN ], with optional whitespace around the separators.</summary>
    private static bool TryReadCounts(string value, out MessageCounts counts)
    {
        counts = default;
        var open = value.IndexOf('(', StringComparison.Ordinal);
        var main = open < 0 ? value : value[..open];
        if (!TryReadPair(main, out var fresh, out var old))
        {
            return false;
        }

        var urgentNew = 0;
        var urgentOld = 0;
        if (open >= 0)
        {
            var rest = value[(open + 1)..].TrimEnd();
            if (!rest.EndsWith(')') || !TryReadPair(rest[..^1], out urgentNew, out urgentOld))
            {
                return false;
            }
        }

        counts = new MessageCounts(fresh, old, urgentNew, urgentOld);
        return true;
    }

    private static bool TryReadPair(string text, out int first, out int second)
    {
        second = 0;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        first = 0;
        return slash > 0
            && int.TryParse(text.AsSpan(0, slash).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out first)
            && int.TryParse(text.AsSpan(slash + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out second);
    }
}
