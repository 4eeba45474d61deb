using DeskPhone.Configuration;
using DeskPhone.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var commandLine = CommandLine.Parse(args);
if (commandLine.Error is not null || commandLine.Help)
{
    (commandLine.Help ? Console.Out : Console.Error).WriteLine(commandLine.Error is null ? CommandLine.Usage : $"deskphone: {commandLine.Error}{Environment.NewLine}{CommandLine.Usage}");
    return commandLine.Help ? 0 : 2;
}

var configPath = Path.GetFullPath(commandLine.ConfigPath ?? Path.Combine(AppContext.BaseDirectory, "deskphone.json"));
if (!File.Exists(configPath))
{
    Console.Error.WriteLine($"deskphone: configuration file not found: {configPath}");
    return 2;
}

var configuration = new ConfigurationBuilder()
    .AddJsonFile(configPath, optional: false)
    .AddEnvironmentVariables("DESKPHONE_")
    .AddCommandLine(commandLine.ConfigurationArguments)
    .Build();

// Relative paths in the configuration are relative to the configuration file.
Directory.SetCurrentDirectory(Path.GetDirectoryName(configPath)!);
var (settings, errors) = DeskPhoneSettings.Load(configuration);
if (settings is null)
{
    foreach (var error in errors)
    {
        Console.Error.WriteLine($"deskphone: configuration error: {error}");
    }

    return 2;
}

if (commandLine.SelfTest)
{
    return SelfTest.Run(settings, Console.Out);
}

if (commandLine.ImportContacts is { } importFile)
{
    return ContactsCommand.Import(settings.Storage.DataDirectory, importFile, Console.Out, Console.Error);
}

if (commandLine.ExportContacts is { } exportFile)
{
    return ContactsCommand.Export(settings.Storage.DataDirectory, exportFile, Console.Out, Console.Error);
}

var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
builder.Services.AddSystemd();
builder.Logging.SetMinimumLevel(LogLevel.Information);
var terminalOwnsScreen = settings.Hal.Kind == HardwareKind.Simulator && !commandLine.Headless && DeskPhone.Hal.Simulator.TerminalFrontEnd.IsSupported && !Microsoft.Extensions.Hosting.Systemd.SystemdHelpers.IsSystemdService();
if (terminalOwnsScreen)
{
    Directory.CreateDirectory(settings.Storage.DataDirectory);
    var logPath = Path.Combine(settings.Storage.DataDirectory, "deskphone.log");
    builder.Logging.AddProvider(new FileLoggerProvider(logPath));
}
else if (Microsoft.Extensions.Hosting.Systemd.SystemdHelpers.IsSystemdService())
{
    // journald takes the level from each line's "<N>" syslog prefix and stamps its own time.
    builder.Logging.AddSystemdConsole();
}
else
{
    builder.Logging.AddSimpleConsole(console =>
    {
        console.SingleLine = true;
        console.TimestampFormat = "HH:mm:ss.fff ";
    });
}

builder.Services.AddSingleton(settings);
builder.Services.AddSingleton(services => new PhoneService(
    settings,
    !terminalOwnsScreen,
    services.GetRequiredService<ILoggerFactory>(),
    services.GetRequiredService<IHostApplicationLifetime>()));
builder.Services.AddHostedService(services => services.GetRequiredService<PhoneService>());
var watchdogPeriod = WatchdogNotifier.PeriodFromEnvironment(
    Environment.GetEnvironmentVariable("WATCHDOG_USEC"),
    Environment.GetEnvironmentVariable("WATCHDOG_PID"),
    Environment.ProcessId);
if (watchdogPeriod is { } period && Microsoft.Extensions.Hosting.Systemd.SystemdHelpers.IsSystemdService())
{
    // Registered after the phone service, so it starts after it and stops before it.
    builder.Services.AddHostedService(services => new WatchdogNotifier(
        services.GetRequiredService<Microsoft.Extensions.Hosting.Systemd.ISystemdNotifier>(),
        period,
        services.GetRequiredService<PhoneService>().PingAsync,
        TimeProvider.System,
        services.GetRequiredService<ILogger<WatchdogNotifier>>()));
}

await builder.Build().RunAsync();

// Zero unless the phone service stopped the program because the hardware could not be opened.
return Environment.ExitCode;
