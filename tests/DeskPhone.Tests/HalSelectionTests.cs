using System.Diagnostics;

namespace DeskPhone.Tests;

/// <summary>
/// The built program with each HAL selected. This machine (a PC or CI) has no GPIO, which is the
/// point: the Raspberry Pi HAL must stop there with one clear line, not a stack trace.
/// </summary>
public sealed class HalSelectionTests : IDisposable
{
    private const string Account = """ "Account": { "Extension": "101", "Password": "x" }, "Sip": { "Registrar": "127.0.0.1", "ListenAddress": "127.0.0.1", "ListenPort": 0 } """;

    private readonly string folder = Directory.CreateTempSubdirectory("deskphone-hal-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Start_RaspberryPiHalWithoutGpio_StopsWithOneLineNamingTheKey()
    {
        var config = Write($$"""{ {{Account}}, "Hal": { "Kind": "RaspberryPi" } }""");

        var (code, stdout, stderr) = Run(string.Empty, "--config", config);

        Assert.Equal(3, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("deskphone: hardware error: Hal:Gpio: /dev/gpiochip0 not found: this machine has no GPIO there", line);
        Assert.DoesNotContain("   at ", stdout + stderr);
    }

    [Fact]
    public void SelfTest_RaspberryPiHalWithoutGpio_ReportsTheHalAndFails()
    {
        var config = Write($$"""{ {{Account}}, "Hal": { "Kind": "RaspberryPi" } }""");

        var (code, stdout, _) = Run(string.Empty, "--config", config, "--self-test");

        Assert.Equal(1, code);
        Assert.Contains("configuration: ok", stdout);
        Assert.Contains("hal (RaspberryPi): FAILED", stdout);
        Assert.Contains("  Hal:Gpio: /dev/gpiochip0 not found", stdout);
    }

    [Fact]
    public void SelfTest_SimulatorHal_ReportsItOk()
    {
        var config = Write($$"""{ {{Account}} }""");

        var (code, stdout, _) = Run(string.Empty, "--config", config, "--self-test");

        Assert.Equal(0, code);
        Assert.Contains("hal (Simulator): ok", stdout);
    }

    [Fact]
    public void Start_SimulatorHal_RunsUntilToldToQuit()
    {
        var config = Write($$"""{ {{Account}}, "Hal": { "Kind": "Simulator" } }""");

        var (code, stdout, stderr) = Run("wait \"Int. 101\" 20\nquit\n", "--config", config, "--headless");

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("ok", stdout.Split('\n').Select(l => l.Trim()));
    }

    private string Write(string json)
    {
        var path = Path.Combine(folder, "deskphone.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static (int Code, string Stdout, string Stderr) Run(string input, params string[] arguments)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "deskphone.dll");
        var start = new ProcessStartInfo("dotnet", [program, .. arguments])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "deskphone did not exit");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
