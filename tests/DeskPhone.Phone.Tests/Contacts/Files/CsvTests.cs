using System.Text;
using DeskPhone.Phone.Contacts;
using DeskPhone.Phone.Contacts.Files;

namespace DeskPhone.Phone.Tests.Contacts.Files;

public sealed class CsvTests
{
    private static ContactFileContents Read(string text) => ContactFiles.Read(Encoding.UTF8.GetBytes(text), ContactFileFormat.Csv);

    [Fact]
    public void Read_ColumnsInAnyOrderAndCase()
    {
        var contents = Read("Label1,NAME,Number1,extension\r\nmobile,Anna Rossi,333 1,102\r\n,Bruno,,103\r\n");

        Assert.Empty(contents.Problems);
        Assert.Equal(
            [new Contact("Anna Rossi", "102", [new(NumberLabel.Mobile, "333 1")]), new Contact("Bruno", "103", [])],
            contents.Contacts);
    }

    [Fact]
    public void Read_QuotedFields_HoldCommasQuotesAndLineBreaks()
    {
        var contents = Read(
            "name,number1,number2\r\n" +
            "\"Rossi, Bianchi & \"\"Associati\"\"\",02 1,\"06\r\n2\"\r\n" +
            "Bruno,101,\r\n");

        Assert.Empty(contents.Problems);
        Assert.Equal("Rossi, Bianchi & \"Associati\"", contents.Contacts[0].Name);
        Assert.Equal(["02 1", "06 2"], contents.Contacts[0].Numbers.Select(n => n.Number));
        Assert.Equal("Bruno", contents.Contacts[1].Name);
    }

    [Fact]
    public void Read_SemicolonsAsAnItalianSpreadsheetWritesThem_WithItsByteOrderMark()
    {
        var contents = Read("\uFEFFname;extension;number1;label1\nNiccolò Bè;205;+39 02 1234;home\n\"Rossi; Bianchi, Verdi\";206;;\n");

        Assert.Empty(contents.Problems);
        Assert.Equal(
            [new Contact("Niccolò Bè", "205", [new(NumberLabel.Home, "+39 02 1234")]), new Contact("Rossi; Bianchi, Verdi", "206", [])],
            contents.Contacts);
    }

    [Fact]
    public void Read_WithoutANameColumn_ReportsItAndReadsNothing()
    {
        var contents = Read("who,extension\r\nAnna,102\r\n");

        Assert.Empty(contents.Contacts);
        Assert.Equal(
            [
                "line 1: column 'who' is not one of name,extension,number1,label1,number2,label2,number3,label3 (or is repeated); ignored",
                "line 1: the first row must name the columns, at least 'name' (all: name,extension,number1,label1,number2,label2,number3,label3)",
            ],
            contents.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Read_MalformedRows_AreReportedWithTheirLinesAndTheRestIsImported()
    {
        var contents = Read(
            /* 1 */ "name,extension,number1,label1\r\n" +
            /* 2 */ "Good One,101,,\r\n" +
            /* 3 */ "Stray \"Quote\",102,,\r\n" +
            /* 4 */ "\"Closed\" Early,103,,\r\n" +
            /* 5 */ "Too,Many,Fields,Here,Really\r\n" +
            /* 6 */ ",104,,\r\n" +
            /* 7 */ "Fax Only,,02 1,fax\r\n" +
            /* 8 */ "\r\n" +
            /* 9 */ "\"Multi\r\nLine\",105,,\r\n" +
            /* 11 */ "Last,106,\"never closed\r\n");

        Assert.Equal(["Good One", "Fax Only", "Multi Line"], contents.Contacts.Select(c => c.Name));
        Assert.Equal(NumberLabel.Work, contents.Contacts[1].Numbers.Single().Label);
        Assert.Equal(
            [
                "line 3: a quote inside an unquoted field (quote the whole field and double the quote); row not imported",
                "line 4: text after a closing quote; row not imported",
                "line 5: 5 fields but the header has 4; row not imported",
                "line 6: row has no name; not imported",
                "line 7: label 'fax' is not work, mobile or home; read as work",
                "line 11: a quoted field is not closed; row not imported",
            ],
            contents.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Write_HeaderThenOneRowPerContact_QuotingOnlyWhatNeedsIt()
    {
        var text = Encoding.UTF8.GetString(ContactFiles.Write(
            [
                new Contact("Anna Rossi", "102", [new(NumberLabel.Mobile, "333 1")]),
                new Contact("Rossi, \"Bianchi\"", null, [new(NumberLabel.Work, "02 1"), new(NumberLabel.Home, "06 2"), new(NumberLabel.Work, "*21#")]),
            ],
            ContactFileFormat.Csv));

        Assert.Equal(
            "name,extension,number1,label1,number2,label2,number3,label3\r\n" +
            "Anna Rossi,102,333 1,mobile,,,,\r\n" +
            "\"Rossi, \"\"Bianchi\"\"\",,02 1,work,06 2,home,*21#,work\r\n",
            text);
    }

    [Fact]
    public void RoundTrip_WriteThenRead_GivesTheSameContacts()
    {
        Contact[] contacts =
        [
            new("Rossi, Bianchi; \"Associati\"", null, [new(NumberLabel.Work, "+39 02 1234 5678")]),
            new("Niccolò Bè", "205", []),
            new("Zoë Ünal", "206", [new(NumberLabel.Mobile, "333 1"), new(NumberLabel.Home, "(06) 2-3"), new(NumberLabel.Mobile, "*21#")]),
        ];

        var back = ContactFiles.Read(ContactFiles.Write(contacts, ContactFileFormat.Csv), ContactFileFormat.Csv);

        Assert.Empty(back.Problems);
        Assert.Equal(contacts, back.Contacts);
    }

    [Theory]
    [InlineData("rubrica.csv", ContactFileFormat.Csv)]
    [InlineData("/media/usb/RUBRICA.VCF", ContactFileFormat.VCard)]
    [InlineData("export.vcard", ContactFileFormat.VCard)]
    [InlineData("contacts.txt", null)]
    [InlineData("contacts", null)]
    public void FormatOf_TheFileNameExtension(string path, ContactFileFormat? format)
    {
        Assert.Equal(format, ContactFiles.FormatOf(path));
    }
}
