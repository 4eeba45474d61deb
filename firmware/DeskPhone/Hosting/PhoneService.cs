using DeskPhone.Configuration;
using DeskPhone.Hal.Simulator;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Hosting;

/// <summary>Runs the phone for the generic host: starts the runtime and the simulator front-end, stops both.</summary>
internal sealed class PhoneService(DeskPhoneSettings settings, bool headless, ILoggerFactory loggers, IHostApplicationLifetime lifetime) : IHostedService
{
    private PhoneRuntime? runtime;
    private TerminalFrontEnd? terminal;
    private ScriptFrontEnd? script;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        runtime = PhoneRuntime.Start(settings, loggers);
        if (headless || !TerminalFrontEnd.IsSupported)
        {
            script = new ScriptFrontEnd(runtime.Hardware, Console.In, Console.Out);
            script.QuitRequested += lifetime.StopApplication;
            script.Start();
        }
        else
        {
            terminal = new TerminalFrontEnd(runtime.Hardware);
            terminal.Start();
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        terminal?.Dispose();
        script?.Dispose();
        if (runtime is not null)
        {
            await runtime.DisposeAsync();
        }
    }
}
