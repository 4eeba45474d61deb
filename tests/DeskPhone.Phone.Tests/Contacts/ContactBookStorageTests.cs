using DeskPhone.Phone.Contacts;
using DeskPhone.Phone.Tests.Storage;
using Microsoft.Extensions.Time.Testing;
using static DeskPhone.Phone.Tests.Contacts.ContactBookTests;

namespace DeskPhone.Phone.Tests.Contacts;

public sealed class ContactBookStorageTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly RecordingLogger logger = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero));

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Reopen_KeepsEveryContact()
    {
        var path = folder.File(ContactBook.FileName);
        var anna = new Contact("Anna Rossi", "102", [new(NumberLabel.Mobile, "333 1234"), new(NumberLabel.Home, "02 1234")]);
        using (var book = ContactBook.Open(path, logger, clock))
        {
            anna = book.Add(anna).Contact!;
            book.Add(Person("Bruno", "103"));
        }

        using var reopened = ContactBook.Open(path, logger, clock);

        Assert.Null(reopened.Problem);
        Assert.Equal(anna, reopened.Get(anna.Id));
        Assert.Equal(["Anna Rossi", "Bruno"], reopened.All().Select(c => c.Name));
        Assert.Equal("Anna Rossi", reopened.NameFor("sip:3331234@pbx"));
    }

    [Fact]
    public void ContactsAddedByAnotherProcess_ShowWithoutReopening()
    {
        var path = folder.File(ContactBook.FileName);
        using var phone = ContactBook.Open(path, logger, clock);
        Assert.Equal(0, phone.Count);

        using (var administrator = ContactBook.Open(path, logger, clock))
        {
            administrator.AddMany([Person("Anna Rossi", "102")]);
        }

        Assert.Equal("Anna Rossi", phone.NameFor("102"));
    }

    [Fact]
    public void CorruptFile_IsSetAsideAndTheBookStartsEmpty()
    {
        var path = folder.File(ContactBook.FileName);
        File.WriteAllText(path, "garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage");

        using var book = ContactBook.Open(path, logger, clock);

        Assert.True(book.IsAvailable);
        Assert.Equal(0, book.Count);
        Assert.Contains("contact database is corrupt", book.Problem);
        Assert.True(File.Exists(path + ".bad-20261124-093000"));
        Assert.True(book.Add(Person("Anna", "102")).Succeeded);
    }

    [Fact]
    public void UnavailableBook_ReadsAsEmptyAndRefusesChangesAsValues()
    {
        File.WriteAllText(folder.File("blocker"), "a file, not a folder");

        using var book = ContactBook.Open(Path.Combine(folder.File("blocker"), ContactBook.FileName), logger, clock);

        Assert.False(book.IsAvailable);
        Assert.StartsWith("contact database unavailable", book.Problem);
        Assert.Equal(ContactProblem.StorageFailed, book.Add(Person("Anna", "102")).Problem);
        Assert.Equal(ContactProblem.StorageFailed, book.Delete(1));
        Assert.Equal([(0, ContactProblem.StorageFailed)], book.AddMany([Person("Anna", "102")]).Rejected);
        Assert.Same(ContactPage.Empty, book.Browse("", 0, 3));
        Assert.Null(book.FindByNumber("102"));
        Assert.Equal(0, book.Count);
    }
}
