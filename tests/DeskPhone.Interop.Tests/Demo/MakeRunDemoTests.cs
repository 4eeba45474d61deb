using System.Diagnostics;
using System.Globalization;
using DeskPhone.Interop.Tests.Lab;
using DeskPhone.Interop.Tests.Peers;
using Xunit.Abstractions;

namespace DeskPhone.Interop.Tests.Demo;

/// <summary>
/// `make run`'s script, headless: it must bring up the lab PBX, the demo peer at 200 and our phone,
/// show the idle screen registered, connect a call to 200, and leave nothing running after quit.
/// </summary>
public sealed class MakeRunDemoTests(ITestOutputHelper output)
{
    [Fact]
    public async Task DemoScript_ShowsRegisteredIdleScreen_CallsTheDemoPeer_AndCleansUp()
    {
        var root = Path.GetDirectoryName(LabPaths.LabDirectory())!;
        var repository = Path.GetDirectoryName(root)!;
        var labDirectory = Directory.CreateTempSubdirectory("deskphone-demo-").FullName;
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var start = new ProcessStartInfo(Path.Combine(repository, "scripts", "demo.sh"), [configuration, "--headless"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PBX_PORT"] = LoopbackPorts.FreeSipPort().ToString(CultureInfo.InvariantCulture);
        start.Environment["PEER_PORT"] = LoopbackPorts.FreeSipPort().ToString(CultureInfo.InvariantCulture);
        start.Environment["LAB_DIR"] = labDirectory;

        using var demo = Process.Start(start)!;
        var stdout = demo.StandardOutput.ReadToEndAsync();
        var stderr = demo.StandardError.ReadToEndAsync();
        try
        {
            await demo.StandardInput.WriteAsync(
                "wait Registered 30\nscreen\nhook off\ndial 200#\nwait Connected 15\nhook on\nwait Registered 10\nquit\n");
            await demo.StandardInput.FlushAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await demo.WaitForExitAsync(deadline.Token);
        }
        finally
        {
            if (!demo.HasExited)
            {
                demo.Kill(entireProcessTree: true);
            }
        }

        var text = await stdout;
        output.WriteLine(text);
        output.WriteLine(await stderr);
        var screen = text[(text.IndexOf("--- screen ---", StringComparison.Ordinal) + 1)..];
        Assert.Equal(3, text.Split('\n').Count(line => line.Trim() == "ok"));
        Assert.Contains("Ext 101", screen);
        Assert.Contains("Registered", screen);
        Assert.Contains("LCD| Connected", text);
        Assert.False(StillRunning(labDirectory), "the demo left a process running");
        Directory.Delete(labDirectory, recursive: true);
    }

    private static bool StillRunning(string labDirectory)
    {
        using var pgrep = Process.Start(new ProcessStartInfo("pgrep", ["-f", labDirectory]) { RedirectStandardOutput = true })!;
        pgrep.WaitForExit();
        return pgrep.ExitCode == 0;
    }
}
