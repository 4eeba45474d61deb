using System.Text;
using DeskPhone.Phone.Contacts;
using DeskPhone.Phone.Contacts.Files;

namespace DeskPhone.Phone.Tests.Contacts.Files;

public sealed class VCardTests
{
    private static ContactFileContents Read(string text) => ContactFiles.Read(Encoding.UTF8.GetBytes(text), ContactFileFormat.VCard);

    private static string Write(params Contact[] contacts) => Encoding.UTF8.GetString(ContactFiles.Write(contacts, ContactFileFormat.VCard));

    [Fact]
    public void Read_Rfc2426Card_TakesNameNumbersWithTheirTypesAndTheExtension()
    {
        var contents = Read(
            "BEGIN:VCARD\r\n" +
            "VERSION:3.0\r\n" +
            "FN:Anna Rossi\r\n" +
            "N:Rossi;Anna;;;\r\n" +
            "TEL;TYPE=work,voice,pref:+39 02 1234 5678\r\n" +
            "TEL;TYPE=cell:333 123 4567\r\n" +
            "TEL;TYPE=HOME;TYPE=VOICE:06 555 1234\r\n" +
            "X-DESKPHONE-EXTENSION:102\r\n" +
            "END:VCARD\r\n");

        Assert.Empty(contents.Problems);
        var anna = Assert.Single(contents.Contacts);
        Assert.Equal(
            new Contact("Anna Rossi", "102", [new(NumberLabel.Work, "+39 02 1234 5678"), new(NumberLabel.Mobile, "333 123 4567"), new(NumberLabel.Home, "06 555 1234")]),
            anna);
    }

    [Fact]
    public void Read_FoldedLinesAndEscapedText_AreUndone()
    {
        var contents = Read(
            "BEGIN:VCARD\r\nVERSION:3.0\r\n" +
            "FN:Rossi\\, Bianchi \\; Associati\r\n" +
            " Studio Legale\r\n" +
            "TEL:02\r\n\t 1234\r\n" +
            "END:VCARD\r\n");

        var contact = Assert.Single(contents.Contacts);
        Assert.Equal("Rossi, Bianchi ; AssociatiStudio Legale", contact.Name);
        Assert.Equal("02 1234", contact.Numbers.Single().Number);
    }

    [Fact]
    public void Read_WithoutFn_BuildsTheNameFromN()
    {
        var contents = Read("BEGIN:VCARD\nVERSION:3.0\nN:De Luca;Maria;Grazia,Anna;Dott.;\nTEL:100\nEND:VCARD\n");

        Assert.Equal("Dott. Maria Grazia Anna De Luca", Assert.Single(contents.Contacts).Name);
    }

    [Fact]
    public void Read_UnknownPropertiesGroupsAndParameters_AreIgnored()
    {
        var contents = Read(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Niccolò Bè\r\n" +
            "EMAIL;TYPE=internet:n@example.com\r\n" +
            "PHOTO;ENCODING=b;TYPE=JPEG:MIICajCCAdOgAwIBAgICBEUwDQYJKoZIhvcNAQEEBQAwdzELMAkGA1UEBhMCVVMx\r\n" +
            "item1.TEL;type=\"CELL,VOICE\":+39 347 000 0000\r\n" +
            "item1.X-ABLabel:_$!<Mobile>!$_\r\n" +
            "NOTE:Line one\\nline two: with a colon\r\n" +
            "END:VCARD\r\n");

        Assert.Empty(contents.Problems);
        Assert.Equal(new Contact("Niccolò Bè", null, [new(NumberLabel.Mobile, "+39 347 000 0000")]), Assert.Single(contents.Contacts));
    }

    [Fact]
    public void Read_Version21BareTypesAndVersion4TelUris_AreAccepted()
    {
        var contents = Read(
            "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Old Phone\r\nTEL;CELL:333 1\r\nTEL;HOME;VOICE:02 2\r\nEND:VCARD\r\n" +
            "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:New Phone\r\nTEL;VALUE=uri;TYPE=\"voice,work\":tel:+39-02-1234-5678;ext=9\r\nEND:VCARD\r\n");

        Assert.Empty(contents.Problems);
        Assert.Equal([new ContactNumber(NumberLabel.Mobile, "333 1"), new ContactNumber(NumberLabel.Home, "02 2")], contents.Contacts[0].Numbers);
        Assert.Equal([new ContactNumber(NumberLabel.Work, "+39-02-1234-5678")], contents.Contacts[1].Numbers);
    }

    [Fact]
    public void Read_MalformedCards_AreReportedWithTheirLinesAndTheRestIsImported()
    {
        var contents = Read(
            /* 1 */ "FN:stray line\r\n" +
            /* 2 */ "BEGIN:VCARD\r\n" +
            /* 3 */ "FN:No Number\r\n" +
            /* 4 */ "END:VCARD\r\n" +
            /* 5 */ "BEGIN:VCARD\r\n" +
            /* 6 */ "FN:Good One\r\n" +
            /* 7 */ "this line has no colon\r\n" +
            /* 8 */ "TEL:101\r\n" +
            /* 9 */ "END:VCARD\r\n" +
            /* 10 */ "BEGIN:VCARD\r\n" +
            /* 11 */ "FN:Bad Number\r\n" +
            /* 12 */ "TEL:call me maybe\r\n" +
            /* 13 */ "END:VCARD\r\n" +
            /* 14 */ "BEGIN:VCARD\r\n" +
            /* 15 */ "FN:Unfinished\r\n" +
            /* 16 */ "BEGIN:VCARD\r\n" +
            /* 17 */ "FN:Many Numbers\r\n" +
            /* 18 */ "TEL:1\r\nTEL:2\r\nTEL:3\r\nTEL:4\r\n" +
            /* 22 */ "END:VCARD\r\n" +
            /* 23 */ "BEGIN:VCARD\r\n" +
            /* 24 */ "FN:Cut Off\r\n" +
            /* 25 */ "TEL:102\r\n");

        Assert.Equal(["Good One", "Many Numbers"], contents.Contacts.Select(c => c.Name));
        Assert.Equal(["1", "2", "3"], contents.Contacts[1].Numbers.Select(n => n.Number));
        Assert.Equal(
            [
                "line 1: FN outside a card (BEGIN:VCARD expected)",
                "line 2: card 'No Number' has neither an extension nor a number; not imported",
                "line 7: not a property (no ':')",
                "line 10: card 'Bad Number' a number may hold only digits, * and #, a leading +, and spaces, dashes, dots, slashes or brackets; not imported",
                "line 14: card has no END:VCARD; not imported",
                "line 16: card 'Many Numbers' has 4 numbers; kept the first 3",
                "line 23: card has no END:VCARD; not imported",
            ],
            contents.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Read_TextThatIsNotUtf8_IsRefusedNamingTheLine()
    {
        var latin1 = Encoding.Latin1.GetBytes("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Niccolò\r\nEND:VCARD\r\n");

        var contents = ContactFiles.Read(latin1, ContactFileFormat.VCard);

        Assert.Empty(contents.Contacts);
        Assert.Equal("line 3: not UTF-8 text; save the file as UTF-8 and import it again", Assert.Single(contents.Problems).ToString());
    }

    [Fact]
    public void Read_EmptyOrBinaryInput_GivesNothingAndNeverThrows()
    {
        Assert.Empty(ContactFiles.Read([], ContactFileFormat.VCard).Contacts);
        var noise = ContactFiles.Read(Encoding.UTF8.GetBytes("\0\u0001:;;\"\r\n \r\n:\r\nBEGIN:VCARD\r\nEND:VCARD\r\nEND:VCARD"), ContactFileFormat.VCard);
        Assert.Empty(noise.Contacts);
        Assert.NotEmpty(noise.Problems);
    }

    [Fact]
    public void Write_OneContact_InRfc2426Layout()
    {
        var text = Write(new Contact("Maria De Luca", "102", [new(NumberLabel.Work, "+39 02 1234"), new(NumberLabel.Mobile, "333 1"), new(NumberLabel.Home, "06 2")]));

        Assert.Equal(
            "BEGIN:VCARD\r\n" +
            "VERSION:3.0\r\n" +
            "FN:Maria De Luca\r\n" +
            "N:De Luca;Maria;;;\r\n" +
            "TEL;TYPE=WORK,VOICE:+39 02 1234\r\n" +
            "TEL;TYPE=CELL,VOICE:333 1\r\n" +
            "TEL;TYPE=HOME,VOICE:06 2\r\n" +
            "X-DESKPHONE-EXTENSION:102\r\n" +
            "END:VCARD\r\n",
            text);
    }

    [Fact]
    public void Write_LongLines_AreFoldedBefore75OctetsWithoutSplittingACharacter()
    {
        var name = string.Concat(Enumerable.Repeat("Àèìòù ", 12)).Trim();

        var text = Write(new Contact(name, "1", []));

        var lines = text.Split("\r\n");
        Assert.All(lines, line => Assert.InRange(Encoding.UTF8.GetByteCount(line), 0, 75));
        Assert.Contains(lines, line => line.StartsWith(' '));
        Assert.Equal(name, Read(text).Contacts.Single().Name);
    }

    [Fact]
    public void RoundTrip_WriteThenRead_GivesTheSameContacts()
    {
        Contact[] contacts =
        [
            new("Rossi, Bianchi; Associati \\ Studio", null, [new(NumberLabel.Work, "+39 02 1234 5678")]),
            new("Niccolò Bè", "205", []),
            new("Zoë 👋 Ünal", "206", [new(NumberLabel.Mobile, "333 1"), new(NumberLabel.Home, "(06) 2-3"), new(NumberLabel.Mobile, "*21#")]),
        ];

        var back = Read(Write(contacts));

        Assert.Empty(back.Problems);
        Assert.Equal(contacts, back.Contacts);
    }
}
