using System.Diagnostics;

namespace DeskPhone.Tests;

/// <summary>The built program, run as an administrator would run it.</summary>
internal static class ProgramRunner
{
    /// <summary>Runs <c>deskphone</c> with the arguments; its exit code and everything it printed.</summary>
    public static (int Code, string Output) Run(params string[] arguments)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "deskphone.dll");
        var start = new ProcessStartInfo("dotnet", [program, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "deskphone did not exit");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
