namespace DeskPhone.Phone.Contacts;

/// <summary>Why a contact was not stored; the screens turn it into words in the user's language.</summary>
public enum ContactProblem
{
    None,
    NoName,
    NameTooLong,

    /// <summary>Neither an extension nor a number: nothing to call.</summary>
    NothingToCall,
    TooManyNumbers,
    BadExtension,
    BadNumber,

    /// <summary>Update or delete of a contact that is not (or no longer) in the book.</summary>
    NotFound,

    /// <summary>The database failed or is unavailable; see <see cref="ContactBook.Problem"/> and the log.</summary>
    StorageFailed,
}

public static class ContactProblems
{
    /// <summary>English words for the log and the command line.</summary>
    public static string Describe(this ContactProblem problem) => problem switch
    {
        ContactProblem.None => "ok",
        ContactProblem.NoName => "has no name",
        ContactProblem.NameTooLong => $"name is longer than {ContactRules.MaxNameLength} characters",
        ContactProblem.NothingToCall => "has neither an extension nor a number",
        ContactProblem.TooManyNumbers => $"has more than {Contact.MaxNumbers} numbers",
        ContactProblem.BadExtension => "extension may hold only digits, * and #",
        ContactProblem.BadNumber => "a number may hold only digits, * and #, a leading +, and spaces, dashes, dots, slashes or brackets",
        ContactProblem.NotFound => "is not in the phonebook",
        ContactProblem.StorageFailed => "could not be stored (database unavailable)",
        _ => problem.ToString(),
    };
}

/// <summary>The outcome of storing one contact: the contact as stored, or why not.</summary>
public readonly record struct ContactSave(Contact? Contact, ContactProblem Problem)
{
    public bool Succeeded => Problem == ContactProblem.None;
}
