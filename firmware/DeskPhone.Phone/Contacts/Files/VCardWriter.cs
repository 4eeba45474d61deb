using System.Text;

namespace DeskPhone.Phone.Contacts.Files;

/// <summary>
/// Writes vCard 3.0 (RFC 2426): BEGIN, VERSION, FN, N (required by §5), one TEL per number with
/// its TYPE, the extension as the private property X-DESKPHONE-EXTENSION (an x-name, RFC 2426
/// §4), END. CRLF line breaks; lines folded before 75 octets without splitting a character
/// (RFC 2425 §5.8.1).
/// </summary>
internal static class VCardWriter
{
    public const string ExtensionProperty = "X-DESKPHONE-EXTENSION";

    /// <summary>RFC 2425 §5.8.1: lines SHOULD NOT be longer than 75 octets, excluding the line break.</summary>
    private const int MaxLineOctets = 75;

    public static string Write(IEnumerable<Contact> contacts)
    {
        var output = new StringBuilder();
        foreach (var contact in contacts)
        {
            Line(output, "BEGIN:VCARD");
            Line(output, "VERSION:3.0");
            Line(output, "FN:" + VCardText.Escape(contact.Name));
            Line(output, "N:" + StructuredName(contact.Name));
            foreach (var number in contact.Numbers)
            {
                Line(output, $"TEL;TYPE={Type(number.Label)},VOICE:{number.Number}");
            }

            if (contact.Extension is { } extension)
            {
                Line(output, $"{ExtensionProperty}:{VCardText.Escape(extension)}");
            }

            Line(output, "END:VCARD");
        }

        return output.ToString();
    }

    /// <summary>
    /// The phonebook keeps one name; N needs family and given names apart. The first word is taken
    /// as the given name and the rest as the family name ("Maria De Luca": De Luca; Maria), which
    /// suits most Italian names; a single word is a family (or company) name.
    /// </summary>
    private static string StructuredName(string name)
    {
        var space = name.IndexOf(' ');
        return space < 0
            ? $"{VCardText.Escape(name)};;;;"
            : $"{VCardText.Escape(name[(space + 1)..])};{VCardText.Escape(name[..space])};;;";
    }

    private static string Type(NumberLabel label) => label switch
    {
        NumberLabel.Mobile => "CELL",
        NumberLabel.Home => "HOME",
        _ => "WORK",
    };

    /// <summary>Appends one content line, folded: a break and a space before the octet limit.</summary>
    private static void Line(StringBuilder output, string line)
    {
        var octets = 0;
        var limit = MaxLineOctets;
        for (var i = 0; i < line.Length; i++)
        {
            var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                // The continuation's leading space counts in its 75 octets.
                output.Append("\r\n ");
                octets = 0;
                limit = MaxLineOctets - 1;
            }

            output.Append(line, i, length);
            octets += size;
            i += length - 1;
        }

        output.Append("\r\n");
    }
}
