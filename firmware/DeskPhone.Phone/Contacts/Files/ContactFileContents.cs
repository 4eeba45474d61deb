namespace DeskPhone.Phone.Contacts.Files;

/// <summary>Something wrong in an imported file, at a line counted from 1 (0: the file as a whole).</summary>
public sealed record ContactFileProblem(int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"line {Line}: {Message}" : Message;
}

/// <summary>What a file gave: the contacts it holds (tidied and valid), and what was skipped or changed, with where.</summary>
public sealed record ContactFileContents(IReadOnlyList<Contact> Contacts, IReadOnlyList<ContactFileProblem> Problems);
