namespace DeskPhone.Hosting;

/// <summary>The firmware's own switches; every other argument is a configuration override (Key=Value).</summary>
internal sealed record CommandLine(string? ConfigPath, bool Headless, bool SelfTest, bool Help, string[] ConfigurationArguments, string? Error)
{
    public const string Usage = """
        usage: deskphone [--config PATH] [--headless] [--self-test] [Section:Key=Value ...]
          --config PATH   the JSON configuration (default: deskphone.json beside the program)
          --headless      simulator without the terminal UI: commands on stdin, screens and logs on stdout
          --self-test     check configuration, storage and codecs, print the version, exit 0 or 1
        """;

    public static CommandLine Parse(string[] args)
    {
        string? config = null;
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

        return new CommandLine(config, headless, selfTest, help, rest.ToArray(), null);
    }
}
