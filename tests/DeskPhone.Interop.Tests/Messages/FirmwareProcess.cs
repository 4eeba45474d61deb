using System.Diagnostics;

namespace DeskPhone.Interop.Tests.Messages;

/// <summary>
/// The built firmware (firmware/DeskPhone/bin/CONFIGURATION/net10.0/deskphone.dll) run as a
/// separate process, headless, so a test can kill it like a power cut would. Its output is drained
/// (the script front-end stalls the phone when nobody reads it) and the tail kept for failures.
/// </summary>
internal sealed class FirmwareProcess : IDisposable
{
    private const int TailLines = 40;

    private readonly Process process;
    private readonly Queue<string> tail = new();

    private FirmwareProcess(Process process)
    {
        this.process = process;

        // THREAD: the process class's reader threads.
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public bool HasExited => process.HasExited;

    /// <summary>The last lines the firmware printed.</summary>
    public string Tail
    {
        get
        {
            lock (tail)
            {
                return string.Join(Environment.NewLine, tail);
            }
        }
    }

    /// <summary>The firmware of the configuration the tests were built in (Debug or Release).</summary>
    public static string Path()
    {
        var repository = System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(Lab.LabPaths.LabDirectory()))!;
        var configuration = new DirectoryInfo(System.IO.Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        return System.IO.Path.Combine(repository, "firmware", "DeskPhone", "bin", configuration, "net10.0", "deskphone.dll");
    }

    public static FirmwareProcess Start(string firmware, string configPath)
    {
        // The SDK tells child processes which dotnet runs them.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(dotnet, [firmware, "--config", configPath, "--headless"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return new FirmwareProcess(Process.Start(start) ?? throw new InvalidOperationException($"could not start {dotnet}"));
    }

    /// <summary>SIGKILL: no shutdown code runs, as when the power goes.</summary>
    public void Kill()
    {
        process.Kill();
        process.WaitForExit();
    }

    /// <summary>Asks the script front-end to quit and waits for a clean exit; false when it had to be killed.</summary>
    public bool Quit(TimeSpan timeout)
    {
        process.StandardInput.WriteLine("quit");
        process.StandardInput.Flush();
        if (process.WaitForExit(timeout))
        {
            return true;
        }

        Kill();
        return false;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (tail)
        {
            tail.Enqueue(line);
            if (tail.Count > TailLines)
            {
                tail.Dequeue();
            }
        }
    }
}
