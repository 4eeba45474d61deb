using System.Globalization;
using DeskPhone.Phone.Messages;

namespace DeskPhone.Phone.Screens;

/// <summary>One display line of a conversation and the message it belongs to (-1: the title).</summary>
internal readonly record struct ConversationLine(string Text, int Message);

/// <summary>
/// A conversation as the lines it scrolls through: a title, then per message a header
/// ("&lt;09:31 Anna" received, "&gt;09:32 delivered" sent), the failure reason for one not
/// delivered, and the text word-wrapped. Pure; the phone logic uses it to bound scrolling.
/// </summary>
internal static class ConversationLayout
{
    public static IReadOnlyList<ConversationLine> Lines(ConversationScreen screen, LcdTexts texts, DateTimeOffset now, int columns)
    {
        var lines = new List<ConversationLine>
        {
            new(screen.Name == screen.Peer ? screen.Peer : LcdText.TwoColumns(screen.Name, screen.Peer, columns), -1),
        };
        for (var i = 0; i < screen.Messages.Count; i++)
        {
            var message = screen.Messages[i];
            var stamp = Stamp(message.At, now);
            lines.Add(new(LcdText.Cut(message.Direction == MessageDirection.Incoming
                ? $"<{stamp} {screen.Name}"
                : $">{stamp} {DeliveryText.State(message.State, texts)}", columns), i));
            if (message.State == MessageState.Failed)
            {
                lines.Add(new(LcdText.Cut(DeliveryText.Reason(message, texts), columns), i));
            }

            foreach (var line in WordWrap.Lines(message.Text, columns))
            {
                lines.Add(new(line, i));
            }
        }

        return lines;
    }

    /// <summary>The first line of message <paramref name="index"/> (its header).</summary>
    public static int FirstLineOf(IReadOnlyList<ConversationLine> lines, int index)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Message == index)
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>Time of day for today's messages, day/month for older ones: five characters either way.</summary>
    internal static string Stamp(DateTimeOffset at, DateTimeOffset now)
    {
        var local = at.ToOffset(now.Offset);
        return local.Date == now.Date
            ? local.ToString("HH:mm", CultureInfo.InvariantCulture)
            : local.ToString("dd/MM", CultureInfo.InvariantCulture);
    }
}
