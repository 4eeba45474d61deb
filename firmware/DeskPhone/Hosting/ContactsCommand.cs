using DeskPhone.Phone.Contacts;
using DeskPhone.Phone.Contacts.Files;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeskPhone.Hosting;

/// <summary>
/// <c>deskphone --import-contacts FILE</c> and <c>--export-contacts FILE</c>: the phonebook in the
/// data folder to and from vCard or CSV files, for administrators. The summary goes to
/// <c>output</c>; problems, one line each with the file's line number, go to <c>errors</c>. Safe while the phone runs: the
/// database is in WAL mode and the phone reads it afresh each time. Exit codes: 0 done; 1 done
/// but the file had lines that were skipped or changed (listed), or the phonebook is unusable;
/// 2 the file cannot be read or written, or its kind is unknown.
/// </summary>
internal static class ContactsCommand
{
    /// <summary>The first problems of a file are listed; a file of junk should not flood the terminal.</summary>
    private const int MaxProblemsListed = 50;

    public static int Import(string dataDirectory, string file, TextWriter output, TextWriter errors)
    {
        if (!TryFormat(file, errors, out var format))
        {
            return 2;
        }

        byte[] data;
        try
        {
            data = File.ReadAllBytes(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"deskphone: cannot read {file}: {exception.Message}");
            return 2;
        }

        var contents = ContactFiles.Read(data, format);
        using var book = OpenBook(dataDirectory, errors);
        if (book is null)
        {
            return 1;
        }

        var summary = book.AddMany(contents.Contacts);
        var problems = contents.Problems.Select(p => p.ToString())
            .Concat(summary.Rejected.Select(r => $"'{contents.Contacts[r.Index].Name}' {r.Problem.Describe()}"))
            .ToList();
        foreach (var problem in problems.Take(MaxProblemsListed))
        {
            errors.WriteLine($"{Path.GetFileName(file)}: {problem}");
        }

        if (problems.Count > MaxProblemsListed)
        {
            errors.WriteLine($"{Path.GetFileName(file)}: ... and {problems.Count - MaxProblemsListed} more");
        }

        output.WriteLine($"imported {summary.Added} contact(s) from {file}; {summary.Duplicates} already in the phonebook; {book.Count} in all");
        return problems.Count == 0 ? 0 : 1;
    }

    public static int Export(string dataDirectory, string file, TextWriter output, TextWriter errors)
    {
        if (!TryFormat(file, errors, out var format))
        {
            return 2;
        }

        using var book = OpenBook(dataDirectory, errors);
        if (book is null)
        {
            return 1;
        }

        var contacts = book.All();
        try
        {
            File.WriteAllBytes(file, ContactFiles.Write(contacts, format));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"deskphone: cannot write {file}: {exception.Message}");
            return 2;
        }

        output.WriteLine($"exported {contacts.Count} contact(s) to {file}");
        return 0;
    }

    private static bool TryFormat(string file, TextWriter errors, out ContactFileFormat format)
    {
        if (ContactFiles.FormatOf(file) is { } known)
        {
            format = known;
            return true;
        }

        errors.WriteLine($"deskphone: {file}: the name must end in .vcf, .vcard (vCard 3.0) or .csv");
        format = default;
        return false;
    }

    /// <summary>The phonebook in the data folder; null (said why) when it cannot be used.</summary>
    private static ContactBook? OpenBook(string dataDirectory, TextWriter errors)
    {
        try
        {
            Directory.CreateDirectory(dataDirectory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"deskphone: cannot create the data folder {dataDirectory}: {exception.Message}");
            return null;
        }

        var book = ContactBook.Open(Path.Combine(dataDirectory, ContactBook.FileName), NullLogger.Instance);
        if (book.Problem is { } problem)
        {
            errors.WriteLine($"deskphone: {problem}");
        }

        if (book.IsAvailable)
        {
            return book;
        }

        book.Dispose();
        return null;
    }
}
