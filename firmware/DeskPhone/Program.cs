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

var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
builder.Services.AddSystemd();
builder.Logging.SetMinimumLevel(LogLevel.Information);
var terminalOwnsScreen = !commandLine.Headless && DeskPhone.Hal.Simulator.TerminalFrontEnd.IsSupported && !Microsoft.Extensions.Hosting.Systemd.SystemdHelpers.IsSystemdService();
if (terminalOwnsScreen)
{
    Directory.CreateDirectory(settings.Storage.DataDirectory);
    var logPath = Path.Combine(settings.Storage.DataDirectory, "deskphone.log");
    builder.Logging.AddProvider(new FileLoggerProvider(logPath));
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
builder.Services.AddHostedService(services => new PhoneService(
    settings,
    !terminalOwnsScreen,
    services.GetRequiredService<ILoggerFactory>(),
    services.GetRequiredService<IHostApplicationLifetime>()));

await builder.Build().RunAsync();
return 0;
