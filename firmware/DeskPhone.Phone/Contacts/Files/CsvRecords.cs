using System.Text;

namespace DeskPhone.Phone.Contacts.Files;

/// <summary>One record of a CSV file: its fields, the line it starts on, or why it is malformed.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Error);

/// <summary>
/// RFC 4180 §2 records: fields separated by the separator, records by a line break (CRLF; a bare LF
/// is accepted too). A field in double quotes may hold separators, line breaks and quotes written
/// twice. A quote inside an unquoted field, text after a closing quote, or a quote left open at
/// the end makes the record malformed: it is returned with an error, never guessed at.
/// </summary>
internal static class CsvRecords
{
    public static IEnumerable<CsvRecord> Read(string text, char separator)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        string? error = null;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && field.Length == 0)
            {
                i = QuotedField(text, i + 1, field, ref line, out var closed);
                if (!closed)
                {
                    error ??= "a quoted field is not closed";
                }
                else if (i < text.Length && text[i] != separator && text[i] is not ('\r' or '\n'))
                {
                    error ??= "text after a closing quote";
                    i = SkipToFieldEnd(text, i, separator);
                }

                continue;
            }

            if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
                continue;
            }

            if (c is '\r' or '\n')
            {
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                fields.Add(field.ToString());
                yield return new CsvRecord(recordLine, fields.ToArray(), error);
                fields.Clear();
                field.Clear();
                error = null;
                line++;
                recordLine = line;
                continue;
            }

            if (c == '"')
            {
                error ??= "a quote inside an unquoted field (quote the whole field and double the quote)";
            }

            field.Append(c);
            i++;
        }

        if (fields.Count > 0 || field.Length > 0 || error is not null)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(recordLine, fields.ToArray(), error);
        }
    }

    /// <summary>Reads a quoted field's content from just after its opening quote; returns the index after the closing quote.</summary>
    private static int QuotedField(string text, int i, StringBuilder field, ref int line, out bool closed)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                closed = true;
                return i + 1;
            }

            if (c == '\n')
            {
                line++;
            }

            field.Append(c);
            i++;
        }

        closed = false;
        return i;
    }

    private static int SkipToFieldEnd(string text, int i, char separator)
    {
        while (i < text.Length && text[i] != separator && text[i] is not ('\r' or '\n'))
        {
            i++;
        }

        return i;
    }

    /// <summary>A field as RFC 4180 wants it written: quoted when it holds the separator, a quote, a line break or edge spaces.</summary>
    public static string Field(string value, char separator)
    {
        var needsQuotes = value.Contains(separator) || value.Contains('"') || value.Contains('\r') || value.Contains('\n')
            || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])));
        return needsQuotes ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
