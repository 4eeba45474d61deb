using System.Text;

namespace DeskPhone.Phone.Contacts.Files;

/// <summary>
/// The phonebook as CSV (RFC 4180), UTF-8. The first row names the columns:
/// <c>name,extension,number1,label1,number2,label2,number3,label3</c>. On import the columns may
/// come in any order and in any letter case; only <c>name</c> is required; a label is
/// <c>work</c>, <c>mobile</c> (or <c>cell</c>) or <c>home</c>, and an empty one is work. Fields
/// are separated by commas, or by semicolons when the header row has semicolons and no comma, as
/// spreadsheets set to Italian write them. Exports always use commas and CRLF.
/// </summary>
internal static class ContactCsv
{
    public const string Header = "name,extension,number1,label1,number2,label2,number3,label3";

    private static readonly string[] Columns = Header.Split(',');

    internal static ContactFileContents Read(string text)
    {
        var contacts = new List<Contact>();
        var problems = new List<ContactFileProblem>();
        var firstLineEnd = text.IndexOfAny(['\r', '\n']);
        var firstLine = firstLineEnd < 0 ? text : text[..firstLineEnd];
        var separator = firstLine.Contains(';') && !firstLine.Contains(',') ? ';' : ',';
        using var records = CsvRecords.Read(text, separator).GetEnumerator();
        if (!records.MoveNext() || records.Current.Error is not null || !TryReadHeader(records.Current.Fields, problems, out var columns))
        {
            problems.Add(new ContactFileProblem(1, $"the first row must name the columns, at least 'name' (all: {Header})"));
            return new ContactFileContents(contacts, problems);
        }

        var width = records.Current.Fields.Count;
        while (records.MoveNext())
        {
            var record = records.Current;
            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (record.Error is not null)
            {
                problems.Add(new ContactFileProblem(record.Line, $"{record.Error}; row not imported"));
            }
            else if (record.Fields.Count > width)
            {
                problems.Add(new ContactFileProblem(record.Line, $"{record.Fields.Count} fields but the header has {width}; row not imported"));
            }
            else if (ToContact(record, columns, problems) is { } contact)
            {
                contacts.Add(contact);
            }
        }

        return new ContactFileContents(contacts, problems);
    }

    internal static string Write(IEnumerable<Contact> contacts)
    {
        var output = new StringBuilder(Header).Append("\r\n");
        foreach (var contact in contacts)
        {
            var fields = new List<string> { contact.Name, contact.Extension ?? string.Empty };
            for (var i = 0; i < Contact.MaxNumbers; i++)
            {
                var number = i < contact.Numbers.Count ? contact.Numbers[i] : null;
                fields.Add(number?.Number ?? string.Empty);
                fields.Add(number is null ? string.Empty : number.Label.ToString().ToLowerInvariant());
            }

            output.AppendJoin(',', fields.Select(f => CsvRecords.Field(f, ','))).Append("\r\n");
        }

        return output.ToString();
    }

    /// <summary>Maps each known column name to its index; unknown columns are reported and ignored.</summary>
    private static bool TryReadHeader(IReadOnlyList<string> header, List<ContactFileProblem> problems, out Dictionary<string, int> columns)
    {
        columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < header.Count; index++)
        {
            var name = header[index].Trim().ToLowerInvariant();
            if (Columns.Contains(name) && !columns.ContainsKey(name))
            {
                columns[name] = index;
            }
            else if (name.Length > 0)
            {
                problems.Add(new ContactFileProblem(1, $"column '{header[index].Trim()}' is not one of {Header} (or is repeated); ignored"));
            }
        }

        return columns.ContainsKey("name");
    }

    private static Contact? ToContact(CsvRecord record, Dictionary<string, int> columns, List<ContactFileProblem> problems)
    {
        string Field(string column) =>
            columns.TryGetValue(column, out var index) && index < record.Fields.Count ? record.Fields[index].Trim() : string.Empty;

        var numbers = new List<ContactNumber>();
        for (var i = 1; i <= Contact.MaxNumbers; i++)
        {
            var number = Field($"number{i}");
            var labelText = Field($"label{i}");
            if (number.Length == 0)
            {
                continue;
            }

            if (!TryParseLabel(labelText, out var label))
            {
                problems.Add(new ContactFileProblem(record.Line, $"label '{labelText}' is not work, mobile or home; read as work"));
            }

            numbers.Add(new ContactNumber(label, number));
        }

        var (contact, problem) = ContactRules.Prepare(new Contact(Field("name"), Field("extension"), numbers));
        if (problem != ContactProblem.None)
        {
            var who = contact.Name.Length > 0 ? $"'{contact.Name}'" : "row";
            problems.Add(new ContactFileProblem(record.Line, $"{who} {problem.Describe()}; not imported"));
            return null;
        }

        return contact;
    }

    private static bool TryParseLabel(string text, out NumberLabel label)
    {
        (label, var known) = text.ToLowerInvariant() switch
        {
            "" or "work" => (NumberLabel.Work, true),
            "mobile" or "cell" => (NumberLabel.Mobile, true),
            "home" => (NumberLabel.Home, true),
            _ => (NumberLabel.Work, false),
        };
        return known;
    }
}
