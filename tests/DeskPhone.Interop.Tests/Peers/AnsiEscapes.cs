using System.Text;

namespace DeskPhone.Interop.Tests.Peers;

/// <summary>
/// Removes ANSI/ECMA-48 control sequences (<c>ESC [ parameters final-byte</c>) that baresip puts
/// around errors and registration states, so logs read cleanly and text matching is reliable.
/// </summary>
internal static class AnsiEscapes
{
    private const char Escape = '\u001B';

    public static string Strip(string text)
    {
        if (!text.Contains(Escape))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == Escape && i + 1 < text.Length && text[i + 1] == '[')
            {
                // ECMA-48 §5.4: parameter and intermediate bytes are 0x20–0x3F, the final byte 0x40–0x7E.
                var j = i + 2;
                while (j < text.Length && text[j] >= 0x20 && text[j] <= 0x3F)
                {
                    j++;
                }

                i = j;
                continue;
            }

            builder.Append(text[i]);
        }

        return builder.ToString();
    }
}
