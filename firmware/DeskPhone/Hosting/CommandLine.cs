namespace DeskPhone.Hosting;

/// <summary>The firmware's own switches; every other argument is a configuration override (Key=Value).</summary>
/// <param name="ImportContacts">Full path of a vCard or CSV file to add to the phonebook, or null.</param>
/// <param name="ExportContacts">Full path to write the phonebook to, or null.</param>
internal sealed record CommandLine(string? ConfigPath, bool Headless, bool SelfTest, bool Help, string[] ConfigurationArguments, string? Error, string? ImportContacts = null, string? ExportContacts = null)
{
    public const string Usage = """
        usage: deskphone [--config PATH] [--headless] [--self-test] [Section:Key=Value ...]
               deskphone [--config PATH] --import-contacts FILE | --export-contacts FILE
          --config PATH   the JSON configuration (default: deskphone.json beside the program)
          --headless      simulator without the terminal UI: commands on stdin, screens and logs on stdout
          --self-test     check configuration, storage and codecs, print the version, exit 0 or 1
          --import-contacts FILE   add the contacts of a vCard 3.0 (.vcf) or CSV (.csv) file to the
                                   phonebook, skipping those already there; exit 0, or 1 when lines were skipped
          --export-contacts FILE   write the phonebook to a vCard (.vcf) or CSV (.csv) file
        """;

    public static CommandLine Parse(string[] args)
    {
        string? config = null, importContacts = null, exportContacts = null;
        bool headless = false, selfTest = false, help = false;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--config" when i + 1 < args.Length:
                    config = args[++i];
                    break;
                case "--config":
                    return new CommandLine(null, false, false, false, [], "--config needs a path");
                case "--import-contacts" when i + 1 < args.Length:
                    // Full paths now: the program later moves to the configuration's folder.
                    importContacts = Path.GetFullPath(args[++i]);
                    break;
                case "--export-contacts" when i + 1 < args.Length:
                    exportContacts = Path.GetFullPath(args[++i]);
                    break;
                case "--import-contacts" or "--export-contacts":
                    return new CommandLine(null, false, false, false, [], $"{args[i]} needs a file");
                case "--headless":
                    headless = true;
                    break;
                case "--self-test":
                    selfTest = true;
                    break;
                case "--help" or "-h":
                    help = true;
                    break;
                case var other when other.Contains('='):
                    rest.Add(other.StartsWith("--", StringComparison.Ordinal) ? other : "--" + other);
                    break;
                case var unknown:
                    return new CommandLine(null, false, false, false, [], $"unknown argument '{unknown}'");
            }
        }

        if (importContacts is not null && exportContacts is not null)
        {
            return new CommandLine(null, false, false, false, [], "--import-contacts and --export-contacts cannot be used together");
        }

        return new CommandLine(config, headless, selfTest, help, rest.ToArray(), null, importContacts, exportContacts);
    }
}
