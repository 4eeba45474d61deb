using System.Text;
using DeskPhone.Hosting;
using DeskPhone.Phone.Contacts;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeskPhone.Tests;

/// <summary>`deskphone --import-contacts FILE` and `--export-contacts FILE`, as an administrator uses them.</summary>
public sealed class ContactsCommandTests : IDisposable
{
    private const string TwoCards =
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Rossi\r\nTEL;TYPE=cell:333 1\r\nX-DESKPHONE-EXTENSION:102\r\nEND:VCARD\r\n" +
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Niccolò Bè\r\nTEL;TYPE=work:02 1234 5678\r\nEND:VCARD\r\n";

    private readonly string folder = Directory.CreateTempSubdirectory("deskphone-contacts-").FullName;
    private readonly StringWriter output = new();
    private readonly StringWriter errors = new();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Data => Path.Combine(folder, "data");

    [Fact]
    public void Parse_ImportAndExport_TakeAFileResolvedAgainstTheCurrentFolder()
    {
        var import = CommandLine.Parse(["--config", "phone.json", "--import-contacts", "rubrica.vcf"]);
        var export = CommandLine.Parse(["--export-contacts", "/tmp/out.csv"]);

        Assert.Null(import.Error);
        Assert.Equal(Path.GetFullPath("rubrica.vcf"), import.ImportContacts);
        Assert.Null(import.ExportContacts);
        Assert.Equal("/tmp/out.csv", export.ExportContacts);
    }

    [Theory]
    [InlineData(new[] { "--import-contacts" }, "--import-contacts needs a file")]
    [InlineData(new[] { "--export-contacts" }, "--export-contacts needs a file")]
    [InlineData(new[] { "--import-contacts", "a.vcf", "--export-contacts", "b.vcf" }, "--import-contacts and --export-contacts cannot be used together")]
    public void Parse_ContactSwitchesMisused_SayWhatIsWrong(string[] arguments, string error)
    {
        Assert.Equal(error, CommandLine.Parse(arguments).Error);
    }

    [Fact]
    public void Import_VCard_AddsTheContactsAndSaysHowMany()
    {
        var file = Write("rubrica.vcf", TwoCards);

        var code = ContactsCommand.Import(Data, file, output, errors);

        Assert.Equal(0, code);
        Assert.Equal($"imported 2 contact(s) from {file}; 0 already in the phonebook; 2 in all", output.ToString().Trim());
        Assert.Empty(errors.ToString());
        using var book = ContactBook.Open(Path.Combine(Data, ContactBook.FileName), NullLogger.Instance);
        Assert.Equal("Anna Rossi", book.NameFor("102"));
        Assert.Equal("Niccolò Bè", book.NameFor("+39 02 1234 5678"));
    }

    [Fact]
    public void Import_SameFileTwice_AddsNothingTheSecondTime()
    {
        var file = Write("rubrica.vcf", TwoCards);
        ContactsCommand.Import(Data, file, TextWriter.Null, TextWriter.Null);

        var code = ContactsCommand.Import(Data, file, output, errors);

        Assert.Equal(0, code);
        Assert.Contains("imported 0 contact(s)", output.ToString());
        Assert.Contains("2 already in the phonebook; 2 in all", output.ToString());
    }

    [Fact]
    public void Import_CsvWithBadRows_ImportsTheRestAndListsTheLines()
    {
        var file = Write("rubrica.csv", "name,extension,number1,label1\r\nAnna,102,,\r\n,103,,\r\nBruno,\"104,,\r\n");

        var code = ContactsCommand.Import(Data, file, output, errors);

        Assert.Equal(1, code);
        Assert.Contains("imported 1 contact(s)", output.ToString());
        Assert.Equal(
            ["rubrica.csv: line 3: row has no name; not imported", "rubrica.csv: line 4: a quoted field is not closed; row not imported"],
            errors.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("rubrica.txt", "the name must end in .vcf, .vcard (vCard 3.0) or .csv")]
    [InlineData("missing.vcf", "cannot read")]
    public void Import_FileOfUnknownKindOrMissing_FailsWithCode2(string name, string message)
    {
        var code = ContactsCommand.Import(Data, Path.Combine(folder, name), output, errors);

        Assert.Equal(2, code);
        Assert.Contains(message, errors.ToString());
    }

    [Fact]
    public void Export_ThenImportIntoAnotherPhone_GivesTheSamePhonebook()
    {
        ContactsCommand.Import(Data, Write("rubrica.vcf", TwoCards), TextWriter.Null, TextWriter.Null);
        var exported = Path.Combine(folder, "export.csv");

        var code = ContactsCommand.Export(Data, exported, output, errors);

        Assert.Equal(0, code);
        Assert.Equal($"exported 2 contact(s) to {exported}", output.ToString().Trim());
        Assert.StartsWith("name,extension,number1,label1,", File.ReadAllText(exported, Encoding.UTF8));
        var otherData = Path.Combine(folder, "other");
        Assert.Equal(0, ContactsCommand.Import(otherData, exported, TextWriter.Null, TextWriter.Null));
        using var original = ContactBook.Open(Path.Combine(Data, ContactBook.FileName), NullLogger.Instance);
        using var copy = ContactBook.Open(Path.Combine(otherData, ContactBook.FileName), NullLogger.Instance);
        Assert.Equal(original.All().Select(c => c with { Id = 0 }), copy.All().Select(c => c with { Id = 0 }));
    }

    [Fact]
    public void Program_ImportThenExport_FromTheCommandLine()
    {
        var config = Write("deskphone.json", """{ "Account": { "Extension": "101", "Password": "x" }, "Sip": { "Registrar": "127.0.0.1" } }""");
        var vcard = Write("rubrica.vcf", TwoCards);

        var (importCode, importOutput) = ProgramRunner.Run("--config", config, "--import-contacts", vcard);
        var (exportCode, exportOutput) = ProgramRunner.Run("--config", config, "--export-contacts", Path.Combine(folder, "copy.vcf"));

        Assert.Equal(0, importCode);
        Assert.Contains("imported 2 contact(s)", importOutput);
        Assert.True(File.Exists(Path.Combine(folder, "data", ContactBook.FileName)));
        Assert.Equal(0, exportCode);
        Assert.Contains("exported 2 contact(s)", exportOutput);
        Assert.Contains("FN:Niccolò Bè", File.ReadAllText(Path.Combine(folder, "copy.vcf"), Encoding.UTF8));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}
