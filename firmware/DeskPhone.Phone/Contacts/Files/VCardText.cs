using System.Text;

namespace DeskPhone.Phone.Contacts.Files;

/// <summary>
/// Text values of vCard 3.0 (RFC 2426 §4, "text" and escaped-char): backslash escapes a backslash,
/// comma and semicolon, and "\n" or "\N" is a line break. Structured values (N) separate their
/// components by unescaped semicolons and a component's several values by unescaped commas.
/// </summary>
internal static class VCardText
{
    public static string Unescape(ReadOnlySpan<char> value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i + 1 == value.Length)
            {
                builder.Append(value[i]);
                continue;
            }

            // Unknown escapes keep the escaped character: writers disagree, readers should be lenient.
            var next = value[++i];
            builder.Append(next is 'n' or 'N' ? '\n' : next);
        }

        return builder.ToString();
    }

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or ',' or ';':
                    builder.Append('\\').Append(c);
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Splits at each <paramref name="separator"/> that no backslash escapes; the parts stay escaped.</summary>
    public static List<string> Split(ReadOnlySpan<char> value, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\')
            {
                i++;
            }
            else if (value[i] == separator)
            {
                parts.Add(value[start..i].ToString());
                start = i + 1;
            }
        }

        parts.Add(value[start..].ToString());
        return parts;
    }
}
