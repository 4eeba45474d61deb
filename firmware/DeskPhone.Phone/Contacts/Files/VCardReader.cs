namespace DeskPhone.Phone.Contacts.Files;

/// <summary>
/// Reads vCard 3.0 (RFC 2426, on the directory profile of RFC 2425): unfolds lines, takes FN (or
/// N when FN is missing), TEL with its TYPE, and our X-DESKPHONE-EXTENSION; every other property
/// is ignored. vCard 2.1 bare types and 4.0 "tel:" values are accepted too, as exports mix them.
/// A bad line or card is reported with its line and skipped; the rest is read.
/// </summary>
internal static class VCardReader
{
    public static ContactFileContents Read(string text)
    {
        var contacts = new List<Contact>();
        var problems = new List<ContactFileProblem>();
        CardDraft? card = null;
        foreach (var (line, content) in LogicalLines(text))
        {
            if (content.Length == 0)
            {
                continue;
            }

            var property = VCardProperty.Parse(content, out var error);
            if (property is null)
            {
                problems.Add(new ContactFileProblem(line, error!));
                continue;
            }

            switch (property.Name)
            {
                case "BEGIN" when IsVCard(property):
                    if (card is not null)
                    {
                        problems.Add(new ContactFileProblem(card.Line, "card has no END:VCARD; not imported"));
                    }

                    card = new CardDraft(line);
                    break;
                case "END" when IsVCard(property) && card is not null:
                    card.Finish(contacts, problems);
                    card = null;
                    break;
                case var _ when card is null:
                    problems.Add(new ContactFileProblem(line, $"{property.Name} outside a card (BEGIN:VCARD expected)"));
                    break;
                default:
                    card.Take(property);
                    break;
            }
        }

        if (card is not null)
        {
            problems.Add(new ContactFileProblem(card.Line, "card has no END:VCARD; not imported"));
        }

        return new ContactFileContents(contacts, problems);
    }

    private static bool IsVCard(VCardProperty property) => property.Value.Trim().Equals("VCARD", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Unfolds (RFC 2425 §5.8.1): a line break followed by one space or tab joins the next line to
    /// this one. Each logical line comes with the number of the physical line it starts on.
    /// Line breaks are CRLF by the RFC; a bare LF is accepted, as files edited by hand have them.
    /// </summary>
    private static IEnumerable<(int Line, string Content)> LogicalLines(string text)
    {
        var lines = text.Split('\n');
        var current = new System.Text.StringBuilder();
        var start = 0;
        for (var index = 0; index < lines.Length; index++)
        {
            var physical = lines[index].TrimEnd('\r');
            if (physical.Length > 0 && physical[0] is ' ' or '\t' && index > 0)
            {
                current.Append(physical[1..]);
                continue;
            }

            if (index > 0)
            {
                yield return (start + 1, current.ToString());
            }

            current.Clear().Append(physical);
            start = index;
        }

        yield return (start + 1, current.ToString());
    }

    /// <summary>The properties of one card as they are read, then the contact they make.</summary>
    private sealed class CardDraft(int line)
    {
        private readonly List<ContactNumber> numbers = [];
        private string? formattedName;
        private string? structuredName;
        private string? extension;

        /// <summary>The line of BEGIN:VCARD: where problems with the card as a whole are reported.</summary>
        public int Line => line;

        public void Take(VCardProperty property)
        {
            switch (property.Name)
            {
                case "FN":
                    formattedName = VCardText.Unescape(property.Value);
                    break;
                case "N":
                    structuredName = NameFromComponents(property.Value);
                    break;
                case "TEL" when TelephoneNumber(property.Value) is { Length: > 0 } number:
                    numbers.Add(new ContactNumber(LabelOf(property), number));
                    break;
                case VCardWriter.ExtensionProperty:
                    extension = VCardText.Unescape(property.Value);
                    break;
            }
        }

        public void Finish(List<Contact> contacts, List<ContactFileProblem> problems)
        {
            var name = string.IsNullOrWhiteSpace(formattedName) ? structuredName ?? string.Empty : formattedName;
            var (contact, problem) = ContactRules.Prepare(new Contact(name, extension, numbers.Take(Contact.MaxNumbers).ToArray()));
            var who = contact.Name.Length > 0 ? $"card '{contact.Name}'" : "card";
            if (problem != ContactProblem.None)
            {
                problems.Add(new ContactFileProblem(line, $"{who} {problem.Describe()}; not imported"));
                return;
            }

            if (numbers.Count > Contact.MaxNumbers)
            {
                problems.Add(new ContactFileProblem(line, $"{who} has {numbers.Count} numbers; kept the first {Contact.MaxNumbers}"));
            }

            contacts.Add(contact);
        }

        /// <summary>N is family;given;additional;prefixes;suffixes (RFC 2426 §3.1.2); a display name reads prefix given additional family suffix.</summary>
        private static string NameFromComponents(string value)
        {
            var parts = VCardText.Split(value, ';')
                .Select(part => string.Join(' ', VCardText.Split(part, ',').Select(v => VCardText.Unescape(v).Trim())).Trim())
                .Concat(Enumerable.Repeat(string.Empty, 5))
                .Take(5)
                .ToArray();
            return string.Join(' ', new[] { parts[3], parts[1], parts[2], parts[0], parts[4] }.Where(p => p.Length > 0));
        }

        /// <summary>A 3.0 phone-number value, or a 4.0 "tel:" URI (RFC 3966) cut before its parameters.</summary>
        private static string TelephoneNumber(string value)
        {
            var text = VCardText.Unescape(value).Trim();
            if (text.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
            {
                text = text[4..];
                var parameters = text.IndexOf(';');
                text = parameters >= 0 ? text[..parameters] : text;
            }

            return text;
        }

        /// <summary>RFC 2426 §3.3.1 TYPE: cell is a mobile, home a home line; work, voice or nothing is a work line.</summary>
        private static NumberLabel LabelOf(VCardProperty property)
        {
            var types = property.Types.ToHashSet();
            return types.Contains("CELL") ? NumberLabel.Mobile : types.Contains("HOME") ? NumberLabel.Home : NumberLabel.Work;
        }
    }
}
