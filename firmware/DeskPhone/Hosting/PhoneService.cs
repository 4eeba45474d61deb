using DeskPhone.Configuration;
using DeskPhone.Hal.Simulator;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Hosting;

/// <summary>
/// Runs the phone for the generic host: starts the runtime and, with the simulator, its front-end;
/// stops both. Hardware that cannot be opened stops the program with one line on standard error
/// and exit code 3.
/// </summary>
internal sealed class PhoneService(DeskPhoneSettings settings, bool headless, ILoggerFactory loggers, IHostApplicationLifetime lifetime) : IHostedService
{
    /// <summary>The exit code when the hardware cannot be opened (configuration errors are 2).</summary>
    public const int HardwareErrorExitCode = 3;

    private PhoneRuntime? runtime;
    private TerminalFrontEnd? terminal;
    private ScriptFrontEnd? script;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var (started, error) = PhoneRuntime.TryStart(settings, loggers);
        if (started is null)
        {
            Console.Error.WriteLine($"deskphone: hardware error: {error}");
            Environment.ExitCode = HardwareErrorExitCode;
            lifetime.StopApplication();
            return Task.CompletedTask;
        }

        runtime = started;
        if (runtime.Simulator is not SimulatedHardware simulator)
        {
            // Real hardware is its own front-end: keys, hook switch and LCD.
            return Task.CompletedTask;
        }

        if (headless || !TerminalFrontEnd.IsSupported)
        {
            script = new ScriptFrontEnd(simulator, Console.In, Console.Out);
            script.QuitRequested += lifetime.StopApplication;
            script.Start();
        }
        else
        {
            terminal = new TerminalFrontEnd(simulator);
            terminal.Start();
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Completes once the signalling loop has run a no-op, proving it is not wedged; at once when
    /// the phone is not running. For the systemd watchdog; called on thread-pool threads.
    /// </summary>
    public Task PingAsync() => runtime?.Loop.InvokeAsync(static () => { }) ?? Task.CompletedTask;

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
