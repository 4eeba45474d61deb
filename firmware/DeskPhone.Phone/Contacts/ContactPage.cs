namespace DeskPhone.Phone.Contacts;

/// <summary>A window on a sorted list of contacts: what a screen of the phonebook shows.</summary>
/// <param name="Offset">Index of the first of <paramref name="Contacts"/> in the whole list.</param>
/// <param name="Total">How many contacts the whole list (or search) has.</param>
public sealed record ContactPage(IReadOnlyList<Contact> Contacts, int Offset, int Total)
{
    public static readonly ContactPage Empty = new([], 0, 0);
}

/// <summary>What adding many contacts at once (an import) did.</summary>
/// <param name="Added">Stored now.</param>
/// <param name="Duplicates">Already in the book with the same name, extension and numbers: skipped.</param>
/// <param name="Rejected">Not storable, each with its index in the input and why.</param>
public sealed record ContactImportSummary(int Added, int Duplicates, IReadOnlyList<(int Index, ContactProblem Problem)> Rejected);
