namespace DeskPhone.Phone.Contacts;

/// <summary>What kind of line a contact's number is; vCard TYPE work, cell and home (RFC 2426 §3.3.1).</summary>
public enum NumberLabel
{
    Work,
    Mobile,
    Home,
}

/// <summary>One of a contact's numbers, as the user wrote it (spaces and dashes kept for display).</summary>
public sealed record ContactNumber(NumberLabel Label, string Number);

/// <summary>
/// One entry of the phonebook. <see cref="Id"/> is 0 until the contact is stored; the book gives it.
/// Two contacts are equal when every field, and each number in order, is.
/// </summary>
/// <param name="Extension">The colleague's extension on our PBX, or null.</param>
/// <param name="Numbers">At most <see cref="MaxNumbers"/>, in the order the user gave them.</param>
public sealed record Contact(string Name, string? Extension, IReadOnlyList<ContactNumber> Numbers, long Id = 0)
{
    /// <summary>A desk phone's phonebook entry holds up to three numbers besides the extension.</summary>
    public const int MaxNumbers = 3;

    public bool Equals(Contact? other) =>
        other is not null && Id == other.Id && Name == other.Name && Extension == other.Extension && Numbers.SequenceEqual(other.Numbers);

    public override int GetHashCode() => HashCode.Combine(Id, Name, Extension, Numbers.Count);

    /// <summary>Equal in everything but <see cref="Id"/>: the same person written twice.</summary>
    public bool SameAs(Contact other) => this with { Id = 0 } == other with { Id = 0 };
}
