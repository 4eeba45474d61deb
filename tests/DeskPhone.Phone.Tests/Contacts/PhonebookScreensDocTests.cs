using DeskPhone.Hal;
using DeskPhone.Phone.Contacts;
using DeskPhone.Phone.Tests.History;
using DeskPhone.Phone.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeskPhone.Phone.Tests.Contacts;

/// <summary>
/// docs/screens.md shows the phonebook screens exactly as the simulated LCD draws them: this walks
/// through them and fails, printing them, when the page lacks any.
/// </summary>
public sealed class PhonebookScreensDocTests
{
    private readonly List<string> screens = [];

    [Fact]
    public async Task ScreensPage_ShowsEveryPhonebookScreenAsTheSimulatorDrawsIt()
    {
        using (var book = ContactBook.InMemory())
        using (var rig = new PhoneTestRig(phonebook: book))
        {
            book.Add(new Contact("Anna Rossi", "102", [new(NumberLabel.Mobile, "333 123 4567"), new(NumberLabel.Home, "02 1234 5678")]));
            book.Add(new Contact("Bruno Verdi", "104", []));
            book.Add(new Contact("Carla Neri", null, [new(NumberLabel.Work, "+39 06 9876 5432")]));
            book.Add(new Contact("Dario Gialli", "106", []));
            await rig.Start();
            await rig.Press(PhoneKey.Contacts);
            Capture(rig);
            await rig.Type("3");
            Capture(rig);
            await rig.Press(PhoneKey.Back);
            await rig.Type("227");
            Capture(rig);
            await rig.Press(PhoneKey.Back, PhoneKey.Back, PhoneKey.Back, PhoneKey.Ok);
            Capture(rig);
            await rig.Press(PhoneKey.Down, PhoneKey.Down);
            Capture(rig);
            await rig.Press(PhoneKey.Back, PhoneKey.Contacts);
            await rig.Type("999");
            Capture(rig);
        }

        using (var empty = ContactBook.InMemory())
        using (var rig = new PhoneTestRig(phonebook: empty))
        {
            await rig.Start();
            await rig.Press(PhoneKey.Contacts);
            Capture(rig);
        }

        using (var folder = new TempFolder())
        {
            var path = folder.File(ContactBook.FileName);
            File.WriteAllText(path, "garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage");
            using var reset = ContactBook.Open(path, NullLogger.Instance);
            using var rig = new PhoneTestRig(phonebook: reset);
            await rig.Start();
            await rig.Press(PhoneKey.Contacts);
            Capture(rig);
        }

        using (var bare = new PhoneTestRig())
        {
            await bare.Start();
            await bare.Press(PhoneKey.Contacts);
            Capture(bare);
        }

        var missing = ScreensPage.Missing(screens);
        Assert.True(missing.Length == 0, "docs/screens.md lacks these screens:\n\n" + missing);
    }

    private void Capture(PhoneTestRig rig) => screens.Add(ScreensPage.Frame(rig));
}
