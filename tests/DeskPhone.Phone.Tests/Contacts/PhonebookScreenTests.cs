using System.Text;
using DeskPhone.Hal;
using DeskPhone.Phone.Contacts;
using DeskPhone.Phone.Tests.Storage;
using DeskPhone.Sip.Messages;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeskPhone.Phone.Tests.Contacts;

/// <summary>The phonebook screens through the rig: keys in, LCD rows and SIP requests out.</summary>
public sealed class PhonebookScreenTests : IDisposable
{
    private readonly ContactBook book = ContactBook.InMemory();
    private readonly PhoneTestRig rig;

    public PhonebookScreenTests()
    {
        rig = new PhoneTestRig(phonebook: book);
    }

    public void Dispose()
    {
        rig.Dispose();
        book.Dispose();
    }

    private IEnumerable<string> Rows => rig.Hardware.Screen.Lines.Select(l => l.TrimEnd());

    private async Task StartWithFourContacts()
    {
        Add(new Contact("Dario Gialli", "106", []));
        Add(new Contact("Anna Rossi", "102", [new(NumberLabel.Mobile, "333 123 4567"), new(NumberLabel.Home, "02 1234 5678")]));
        Add(new Contact("Carla Neri", null, [new(NumberLabel.Work, "+39 06 9876 5432")]));
        Add(new Contact("Bruno Verdi", "104", []));
        await rig.Start();
    }

    private void Add(Contact contact) => Assert.True(book.Add(contact).Succeeded);

    [Fact]
    public async Task ContactsKey_ListsByName_WithTheCountAndEachExtension()
    {
        await StartWithFourContacts();

        await rig.Press(PhoneKey.Contacts);

        Assert.Equal(["Contacts           4", ">Anna Rossi      102", " Bruno Verdi     104", "Call Msg        Back"], Rows);
    }

    [Fact]
    public async Task Down_ScrollsThroughTheWholeBook_AndStopsAtItsEnd()
    {
        await StartWithFourContacts();
        await rig.Press(PhoneKey.Contacts);

        await rig.Press(PhoneKey.Down, PhoneKey.Down);
        Assert.Equal([" Bruno Verdi     104", ">Carla Neri"], Rows.Skip(1).Take(2));
        Assert.Equal("Call            Back", rig.Hardware.Screen.Lines[3]);

        await rig.Press(PhoneKey.Down, PhoneKey.Down, PhoneKey.Down);
        Assert.Equal([" Carla Neri", ">Dario Gialli    106"], Rows.Skip(1).Take(2));

        await rig.Press(PhoneKey.Up, PhoneKey.Up, PhoneKey.Up, PhoneKey.Up, PhoneKey.Up);
        Assert.Equal([">Anna Rossi      102", " Bruno Verdi     104"], Rows.Skip(1).Take(2));
    }

    [Fact]
    public async Task TypedKeys_NarrowTheListByLetters_BackRemovesThemOneByOne()
    {
        await StartWithFourContacts();
        await rig.Press(PhoneKey.Contacts);

        await rig.Type("32");
        Assert.Equal(["Find: 32_          1", ">Dario Gialli    106", string.Empty], Rows.Take(3));

        // "3" is also how Anna's mobile (333…) and Carla's +39 number start.
        await rig.Press(PhoneKey.Back);
        Assert.Equal(["Find: 3_           3", ">Anna Rossi      102", " Carla Neri"], Rows.Take(3));

        await rig.Press(PhoneKey.Back);
        Assert.Equal("Contacts           4", rig.Hardware.Screen.Lines[0]);

        await rig.Press(PhoneKey.Back);
        Assert.StartsWith("Ext 101", rig.Screen);
    }

    [Fact]
    public async Task KeysMatchingNobody_SayNoMatch()
    {
        await StartWithFourContacts();
        await rig.Press(PhoneKey.Contacts);

        await rig.Type("999");

        Assert.Equal(["Find: 999_         0", "No match", string.Empty, "                Back"], Rows);
    }

    [Fact]
    public async Task Send_OnTheList_CallsTheContactsExtension()
    {
        await StartWithFourContacts();
        await rig.Press(PhoneKey.Contacts, PhoneKey.Down);

        await rig.Press(PhoneKey.Send);

        Assert.Equal("sip:104@pbx", rig.Transport.Requests(SipMethods.Invite).Single().RequestUri);
    }

    [Fact]
    public async Task Send_OnAContactWithoutExtension_CallsItsFirstNumber()
    {
        await StartWithFourContacts();
        await rig.Press(PhoneKey.Contacts);
        await rig.Type("227");

        await rig.Press(PhoneKey.Soft1);

        Assert.Equal("sip:+390698765432@pbx", rig.Transport.Requests(SipMethods.Invite).Single().RequestUri);
    }

    [Fact]
    public async Task Ok_OpensTheContact_WithItsExtensionAndNumbers_UpDownPickOne_SendCallsIt()
    {
        await StartWithFourContacts();
        await rig.Press(PhoneKey.Contacts);

        await rig.Press(PhoneKey.Ok);
        Assert.Equal(["Anna Rossi", ">Ext             102", " Mobile 333 123 4567", "Call Msg        Back"], Rows);

        await rig.Press(PhoneKey.Down, PhoneKey.Down);
        Assert.Equal([" Mobile 333 123 4567", ">Home   02 1234 5678"], Rows.Skip(1).Take(2));
        await rig.Press(PhoneKey.Down);
        Assert.StartsWith(">Home", rig.Hardware.Screen.Lines[2]);

        await rig.Press(PhoneKey.Send);

        Assert.Equal("sip:0212345678@pbx", rig.Transport.Requests(SipMethods.Invite).Single().RequestUri);
    }

    [Fact]
    public async Task LongNumber_IsShownWhole_WithoutItsLabel()
    {
        await StartWithFourContacts();
        await rig.Press(PhoneKey.Contacts);
        await rig.Type("227");

        await rig.Press(PhoneKey.Ok);

        Assert.Equal(["Carla Neri", ">+39 06 9876 5432", string.Empty, "Call            Back"], Rows);
    }

    [Fact]
    public async Task Back_FromTheContact_ReturnsToTheSearchWhereItWas()
    {
        await StartWithFourContacts();
        await rig.Press(PhoneKey.Contacts);
        await rig.Type("3");
        await rig.Press(PhoneKey.Down, PhoneKey.Down, PhoneKey.Ok);
        Assert.Equal("Dario Gialli", rig.Hardware.Screen.Lines[0].TrimEnd());

        await rig.Press(PhoneKey.Back);

        Assert.Equal(["Find: 3_           3", " Carla Neri", ">Dario Gialli    106"], Rows.Take(3));
    }

    [Fact]
    public async Task LiftingTheHandset_OnTheContact_CallsTheHighlightedNumber()
    {
        await StartWithFourContacts();
        await rig.Press(PhoneKey.Contacts, PhoneKey.Ok, PhoneKey.Down);

        await rig.LiftHandset();

        Assert.Equal("sip:3331234567@pbx", rig.Transport.Requests(SipMethods.Invite).Single().RequestUri);
        Assert.Equal("Calling", rig.Hardware.Screen.Lines[0].TrimEnd());
    }

    [Fact]
    public async Task MsgSoftKey_WritesToTheContactsExtension()
    {
        await StartWithFourContacts();
        await rig.Press(PhoneKey.Contacts, PhoneKey.Ok, PhoneKey.Down);

        await rig.Press(PhoneKey.Soft2);
        Assert.Equal("To Anna Ross Abc 160", rig.Hardware.Screen.Lines[0]);
        await rig.Type("2");
        await rig.Press(PhoneKey.Send);

        var message = rig.Transport.Requests(SipMethods.Message).Single();
        Assert.Equal("sip:102@pbx", message.RequestUri);
        Assert.Equal("A", Encoding.UTF8.GetString(message.Body.Span));
    }

    [Fact]
    public async Task MsgSoftKey_OnAContactWithoutExtension_DoesNothing()
    {
        await StartWithFourContacts();
        await rig.Press(PhoneKey.Contacts);
        await rig.Type("227");

        await rig.Press(PhoneKey.Soft2, PhoneKey.Ok, PhoneKey.Soft2);

        Assert.Equal("Carla Neri", rig.Hardware.Screen.Lines[0].TrimEnd());
        Assert.Empty(rig.Transport.Requests(SipMethods.Message));
    }

    [Fact]
    public async Task EmptyPhonebook_SaysSo()
    {
        await rig.Start();

        await rig.Press(PhoneKey.Contacts, PhoneKey.Ok, PhoneKey.Send, PhoneKey.Down);

        Assert.Equal(["Contacts           0", "No contacts", string.Empty, "                Back"], Rows);
        Assert.Empty(rig.Transport.Requests(SipMethods.Invite));
    }

    [Fact]
    public async Task NewContacts_ShowTheNextTimeTheListIsDrawn()
    {
        Add(new Contact("Bruno Verdi", "104", []));
        await rig.Start();
        await rig.Press(PhoneKey.Contacts);

        Add(new Contact("Anna Rossi", "102", []));
        await rig.Press(PhoneKey.Down);

        Assert.Equal(["Contacts           2", " Anna Rossi      102", ">Bruno Verdi     104"], Rows.Take(3));
    }

    [Fact]
    public async Task HistoryKey_OnThePhonebook_SwitchesToTheHistory()
    {
        await StartWithFourContacts();
        await rig.Press(PhoneKey.Contacts);

        await rig.Press(PhoneKey.History);

        Assert.Equal("No calls", rig.Hardware.Screen.Lines[0].TrimEnd());
    }

    [Fact]
    public async Task NoPhonebook_SaysItIsUnavailable()
    {
        using var bare = new PhoneTestRig();
        await bare.Start();

        await bare.Press(PhoneKey.Contacts);
        await bare.Type("2");

        Assert.Equal(["Contacts unavailable", "(storage error)", string.Empty, "                Back"], bare.Hardware.Screen.Lines.Select(l => l.TrimEnd()));
    }

    [Fact]
    public async Task DatabaseThatCannotBeOpened_SaysItIsUnavailable()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("blocker"), "a file, not a folder");
        using var broken = ContactBook.Open(Path.Combine(folder.File("blocker"), ContactBook.FileName), NullLogger.Instance);
        using var phone = new PhoneTestRig(phonebook: broken);
        await phone.Start();

        await phone.Press(PhoneKey.Contacts);

        Assert.Equal("Contacts unavailable", phone.Hardware.Screen.Lines[0]);
    }

    [Fact]
    public async Task DamagedDatabase_SetAside_SaysTheBookWasReset()
    {
        using var folder = new TempFolder();
        var path = folder.File(ContactBook.FileName);
        File.WriteAllText(path, "garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage");
        using var reset = ContactBook.Open(path, NullLogger.Instance);
        using var phone = new PhoneTestRig(phonebook: reset);
        await phone.Start();

        await phone.Press(PhoneKey.Contacts);

        Assert.Equal(["No contacts", "File damaged: reset", string.Empty, "                Back"], phone.Hardware.Screen.Lines.Select(l => l.TrimEnd()));
    }

    [Fact]
    public async Task IncomingCall_TakesTheScreenFromThePhonebook()
    {
        await StartWithFourContacts();
        await rig.Press(PhoneKey.Contacts, PhoneKey.Ok);

        await rig.Receive(Far.Invite());

        Assert.Equal(["Incoming call", "Anna Rossi"], Rows.Take(2));
    }
}
