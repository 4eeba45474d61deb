using System.Reflection;
using DeskPhone.Configuration;
using DeskPhone.Media;

namespace DeskPhone.Hosting;

/// <summary>`deskphone --self-test`: configuration (already validated by the caller), storage and codecs.</summary>
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
        var failed = storage.Count + codecs.Count;
        output.WriteLine(failed == 0 ? "self-test passed" : $"self-test failed: {failed} problem(s)");
        return failed == 0 ? 0 : 1;
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
