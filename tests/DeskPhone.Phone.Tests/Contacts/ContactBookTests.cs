using DeskPhone.Phone.Contacts;
using DeskPhone.Phone.Messages;

namespace DeskPhone.Phone.Tests.Contacts;

public sealed class ContactBookTests : IDisposable
{
    private readonly ContactBook book = ContactBook.InMemory();

    public void Dispose() => book.Dispose();

    internal static Contact Person(string name, string? extension = null, params string[] numbers) =>
        new(name, extension, numbers.Select(n => new ContactNumber(NumberLabel.Work, n)).ToArray());

    [Fact]
    public void Add_ValidContact_GetsAnIdAndReadsBackAsStored()
    {
        var anna = new Contact("Anna Rossi", "102", [new(NumberLabel.Mobile, "+39 333 123 4567"), new(NumberLabel.Home, "02 1234 5678")]);

        var save = book.Add(anna);

        Assert.True(save.Succeeded);
        Assert.True(save.Contact!.Id > 0);
        Assert.Equal(anna with { Id = save.Contact.Id }, book.Get(save.Contact.Id));
        Assert.Equal(1, book.Count);
    }

    [Fact]
    public void Add_TidiesSpacesAndDropsBlankNumbers()
    {
        var save = book.Add(new Contact("  Anna \n  Rossi ", " ", [new(NumberLabel.Work, "  "), new(NumberLabel.Home, " 02  1234 ")]));

        Assert.Equal(new Contact("Anna Rossi", null, [new(NumberLabel.Home, "02 1234")], save.Contact!.Id), book.Get(save.Contact.Id));
    }

    [Theory]
    [InlineData("", "102", ContactProblem.NoName)]
    [InlineData("Anna", null, ContactProblem.NothingToCall)]
    [InlineData("Anna", "10 2", ContactProblem.BadExtension)]
    [InlineData("Anna", "reception", ContactProblem.BadExtension)]
    public void Add_InvalidContact_IsRefusedWithTheReason(string name, string? extension, ContactProblem problem)
    {
        var save = book.Add(Person(name, extension));

        Assert.Equal(problem, save.Problem);
        Assert.Null(save.Contact);
        Assert.Equal(0, book.Count);
    }

    [Fact]
    public void Add_BadNumberOrTooMany_IsRefused()
    {
        Assert.Equal(ContactProblem.BadNumber, book.Add(Person("Anna", null, "02 12a4")).Problem);
        Assert.Equal(ContactProblem.TooManyNumbers, book.Add(Person("Anna", null, "1", "2", "3", "4")).Problem);
        Assert.Equal(ContactProblem.NameTooLong, book.Add(Person(new string('a', 81), "1")).Problem);
    }

    [Fact]
    public void Update_ReplacesNameExtensionAndNumbers()
    {
        var stored = book.Add(Person("Anna Rossi", "102", "02 1234")).Contact!;
        var changed = new Contact("Anna Bianchi", null, [new(NumberLabel.Mobile, "333 1")], stored.Id);

        var save = book.Update(changed);

        Assert.True(save.Succeeded);
        Assert.Equal(changed, book.Get(stored.Id));
        Assert.Null(book.FindByNumber("102"));
        Assert.Equal("Anna Bianchi", book.NameFor("3331"));
    }

    [Fact]
    public void Update_ContactNotInTheBook_IsNotFound()
    {
        Assert.Equal(ContactProblem.NotFound, book.Update(Person("Anna", "102") with { Id = 42 }).Problem);
        Assert.Equal(0, book.Count);
    }

    [Fact]
    public void Delete_RemovesTheContactAndItsNumbers()
    {
        var anna = book.Add(Person("Anna", "102", "02 1234")).Contact!;
        book.Add(Person("Bruno", "103"));

        Assert.Equal(ContactProblem.None, book.Delete(anna.Id));

        Assert.Null(book.Get(anna.Id));
        Assert.Null(book.FindByNumber("021234"));
        Assert.Equal(["Bruno"], book.All().Select(c => c.Name));
        Assert.Equal(ContactProblem.NotFound, book.Delete(anna.Id));
    }

    [Fact]
    public void Browse_SortsByNameIgnoringCaseAndAccents()
    {
        foreach (var name in new[] { "Zeno", "élodie", "Bruno", "Àlvaro", "alberto", "Davide" })
        {
            book.Add(Person(name, "1"));
        }

        Assert.Equal(["alberto", "Àlvaro", "Bruno", "Davide", "élodie", "Zeno"], book.Browse("", 0, 10).Contacts.Select(c => c.Name));
    }

    [Fact]
    public void Browse_PagesThroughTheSortedList()
    {
        for (var i = 0; i < 7; i++)
        {
            book.Add(Person($"Contact {i}", $"10{i}"));
        }

        var page = book.Browse("", 3, 3);

        Assert.Equal(7, page.Total);
        Assert.Equal(3, page.Offset);
        Assert.Equal(["Contact 3", "Contact 4", "Contact 5"], page.Contacts.Select(c => c.Name));
        Assert.Equal(["Contact 6"], book.Browse("", 6, 3).Contacts.Select(c => c.Name));
        Assert.Empty(book.Browse("", 9, 3).Contacts);
    }

    [Fact]
    public void Browse_KeypadDigits_MatchTheStartOfAnyWordByItsLetters()
    {
        book.Add(Person("Anna Rossi", "201"));
        book.Add(Person("Annalisa Verdi", "202"));
        book.Add(Person("Banana Split", "203"));
        book.Add(Person("Marco Anelli", "204"));

        Assert.Equal(["Anna Rossi", "Annalisa Verdi"], Names(book.Browse("266", 0, 10)));
        Assert.Equal(["Anna Rossi"], Names(book.Browse("767", 0, 10)));
        Assert.Equal(["Anna Rossi"], Names(book.Browse("2662767", 0, 10)));
        Assert.Equal(["Anna Rossi", "Annalisa Verdi", "Marco Anelli"], Names(book.Browse("26", 0, 10)));
        Assert.Equal(3, book.Browse("26", 0, 1).Total);
    }

    [Fact]
    public void Browse_KeypadDigits_IgnoreAccents()
    {
        book.Add(Person("Ànna", "201"));
        book.Add(Person("Niccolò Bè", "202"));

        Assert.Equal(["Ànna"], Names(book.Browse("266", 0, 10)));
        Assert.Equal(["Niccolò Bè"], Names(book.Browse("6422656", 0, 10)));
        Assert.Equal(["Niccolò Bè"], Names(book.Browse("23", 0, 10)));
    }

    [Fact]
    public void Browse_Digits_AlsoMatchTheStartOfTheExtensionOrOfANumber()
    {
        book.Add(Person("Reception", "100"));
        book.Add(Person("Milan office", null, "02 1234 5678"));
        book.Add(Person("Rome office", null, "+39 06 9876"));
        book.Add(Person("Xavier", "500"));

        Assert.Equal(["Reception"], Names(book.Browse("10", 0, 10)));
        Assert.Equal(["Milan office"], Names(book.Browse("0212", 0, 10)));
        Assert.Equal(["Rome office"], Names(book.Browse("39069", 0, 10)));
        Assert.Empty(book.Browse("1234", 0, 10).Contacts);
    }

    [Fact]
    public void Browse_CharactersNotOnTheKeypad_AreABug()
    {
        Assert.Throws<ArgumentException>(() => book.Browse("an%", 0, 10));
    }

    [Theory]
    [InlineData("102")]
    [InlineData("sip:102@pbx")]
    [InlineData("\"Someone else\" <sip:102@pbx.example.com;transport=udp>")]
    [InlineData("sip:0212345678@pbx")]
    [InlineData("tel:02-1234-5678")]
    [InlineData("+39 02 1234 5678")]
    [InlineData("sip:0039021234 5678@pbx")]
    public void FindByNumber_ExtensionOrNumber_InAnyFormThePbxSends(string callerId)
    {
        book.Add(new Contact("Anna Rossi", "102", [new(NumberLabel.Work, "02 1234 5678")]));
        book.Add(Person("Bruno", "103", "02 1111 2222"));

        Assert.Equal("Anna Rossi", book.NameFor(callerId));
    }

    [Theory]
    [InlineData("104")]
    [InlineData("sip:anna@pbx")]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("1234 5678")]
    [InlineData("06 1234 5678")]
    [InlineData("+39 06 1234 5678")]
    [InlineData("+41 212345678")]
    public void FindByNumber_StrangerOrAnotherLineWithTheSameEnd_IsNull(string callerId)
    {
        book.Add(Person("Anna Rossi", "102", "+39 02 1234 5678"));
        book.Add(Person("Short", null, "*12"));

        Assert.Null(book.FindByNumber(callerId));
    }

    [Fact]
    public void FindByNumber_StoredInternational_MatchesTheNationalFormWithOrWithoutTrunkZero()
    {
        book.Add(Person("Milan", null, "+39 02 1234 5678"));
        book.Add(Person("London", null, "+44 20 7946 0000"));

        Assert.Equal("Milan", book.NameFor("0212345678"));
        Assert.Equal("London", book.NameFor("020 7946 0000"));
        Assert.Equal("London", book.NameFor("0044 20 7946 0000"));
    }

    [Fact]
    public void AddMany_StoresValidOnes_SkipsDuplicatesAndListsWhatItRefused()
    {
        book.Add(Person("Anna Rossi", "102"));

        var summary = book.AddMany([Person("Anna Rossi", "102"), Person("Bruno", "103"), Person("", "104"), Person("Bruno", "103"), Person("Carla", "105", "bad!")]);

        Assert.Equal(1, summary.Added);
        Assert.Equal(2, summary.Duplicates);
        Assert.Equal([(2, ContactProblem.NoName), (4, ContactProblem.BadNumber)], summary.Rejected);
        Assert.Equal(["Anna Rossi", "Bruno"], book.All().Select(c => c.Name));
    }

    [Fact]
    public void AddMany_SameNameWithOtherNumbers_IsNotADuplicate()
    {
        book.Add(Person("Anna Rossi", "102"));

        var summary = book.AddMany([Person("Anna Rossi", "202")]);

        Assert.Equal(1, summary.Added);
        Assert.Equal(2, book.Count);
    }

    [Fact]
    public void AsMessageContacts_OffersEveryoneWithAnExtensionByName()
    {
        book.Add(Person("Zeno", "110"));
        book.Add(Person("Mobile Only", null, "333 1"));
        book.Add(Person("Anna", "102", "02 1"));

        IMessageContacts contacts = book;

        Assert.Equal([new MessageContact("Anna", "102"), new MessageContact("Zeno", "110")], contacts.All);
    }

    private static IEnumerable<string> Names(ContactPage page) => page.Contacts.Select(c => c.Name);
}
