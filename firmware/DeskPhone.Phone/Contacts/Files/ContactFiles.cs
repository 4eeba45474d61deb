using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace DeskPhone.Phone.Contacts.Files;

public enum ContactFileFormat
{
    /// <summary>vCard 3.0, RFC 2426 (".vcf", ".vcard").</summary>
    VCard,

    /// <summary>Comma-separated values, RFC 4180 (".csv"); columns in <see cref="ContactCsv"/>.</summary>
    Csv,
}

/// <summary>Phonebook files as bytes: which format a name implies, reading (UTF-8, a BOM allowed) and writing (UTF-8, no BOM).</summary>
public static class ContactFiles
{
    /// <summary>The format a file name's extension names, or null.</summary>
    public static ContactFileFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".vcf" or ".vcard" => ContactFileFormat.VCard,
        ".csv" => ContactFileFormat.Csv,
        _ => null,
    };

    /// <summary>Reads a whole file. Never throws for bad content: what was wrong is in the problems, with lines.</summary>
    public static ContactFileContents Read(ReadOnlySpan<byte> data, ContactFileFormat format)
    {
        if (data.StartsWith("\uFEFF"u8))
        {
            data = data[3..];
        }

        var chars = new char[data.Length];
        if (Utf8.ToUtf16(data, chars, out var valid, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            var line = 1 + data[..valid].Count((byte)'\n');
            return new ContactFileContents([], [new ContactFileProblem(line, "not UTF-8 text; save the file as UTF-8 and import it again")]);
        }

        var text = new string(chars, 0, written);
        return format == ContactFileFormat.VCard ? VCardReader.Read(text) : ContactCsv.Read(text);
    }

    public static byte[] Write(IEnumerable<Contact> contacts, ContactFileFormat format) =>
        Encoding.UTF8.GetBytes(format == ContactFileFormat.VCard ? VCardWriter.Write(contacts) : ContactCsv.Write(contacts));
}
