using System.Reflection;
using DeskPhone.Configuration;
using DeskPhone.Media;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeskPhone.Hosting;

/// <summary>`deskphone --self-test`: configuration (already validated by the caller), storage, codecs and the selected hardware.</summary>
internal static class SelfTest
{
    public static int Run(DeskPhoneSettings settings, TextWriter output)
    {
        output.WriteLine($"deskphone {Version}");
        output.WriteLine("configuration: ok");
        var storage = CheckStorage(settings.Storage.DataDirectory).ToList();
        Report(output, "storage", storage);
        var codecs = MediaSelfTest.Run();
        Report(output, "codecs", codecs);
        var hal = CheckHardware(settings);
        Report(output, $"hal ({settings.Hal.Kind})", hal);
        var failed = storage.Count + codecs.Count + hal.Count;
        output.WriteLine(failed == 0 ? "self-test passed" : $"self-test failed: {failed} problem(s)");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>
    /// Real hardware is opened and closed again (which blanks the LCD); the simulator needs
    /// nothing that could be missing.
    /// </summary>
    private static IReadOnlyList<string> CheckHardware(DeskPhoneSettings settings)
    {
        if (settings.Hal.Kind == HardwareKind.Simulator)
        {
            return [];
        }

        var (hardware, error) = HardwareFactory.Open(settings, NullLoggerFactory.Instance, TimeProvider.System);
        hardware?.Dispose();
        return error is null ? [] : [error];
    }

    private static void Report(TextWriter output, string area, IReadOnlyList<string> problems)
    {
        output.WriteLine(problems.Count == 0 ? $"{area}: ok" : $"{area}: FAILED");
        foreach (var problem in problems)
        {
            output.WriteLine("  " + problem);
        }
    }

    public static string Version =>
        typeof(SelfTest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The data folder must take a durable write: create, write, flush to disk, read back, delete.</summary>
    private static IEnumerable<string> CheckStorage(string directory)
    {
        var probe = Path.Combine(directory, ".self-test");
        try
        {
            Directory.CreateDirectory(directory);
            using (var file = new FileStream(probe, FileMode.Create, FileAccess.Write))
            {
                file.Write("deskphone"u8);
                file.Flush(flushToDisk: true);
            }

            var back = File.ReadAllText(probe);
            File.Delete(probe);
            return back == "deskphone" ? [] : [$"Storage:DataDirectory '{directory}' did not read back what was written"];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [$"Storage:DataDirectory '{directory}' is not writable: {exception.Message}"];
        }
    }
}
