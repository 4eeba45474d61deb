namespace DeskPhone.Interop.Tests.Peers;

/// <summary>Where the baresip executable and its modules are on this machine.</summary>
internal sealed record BaresipInstallation(string Executable, string ModuleDirectory)
{
    public const string NotInstalledHint = "baresip is not installed (package baresip-core); run make deps";

    // Debian/Ubuntu package, then a source build's default prefix.
    private static readonly string[] ModuleDirectories = ["/usr/lib/baresip/modules", "/usr/local/lib/baresip/modules"];

    /// <summary>
    /// Finds <paramref name="executable"/> (a path, or a name looked up on PATH) and the module
    /// directory holding g711.so; null when either is missing.
    /// </summary>
    public static BaresipInstallation? Find(string executable)
    {
        var path = executable.Contains('/') ? (File.Exists(executable) ? executable : null) : SearchPath(executable);
        var modules = Array.Find(ModuleDirectories, d => File.Exists(Path.Combine(d, "g711.so")));
        return path is null || modules is null ? null : new BaresipInstallation(path, modules);
    }

    private static string? SearchPath(string name)
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries);
        return directories.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
    }
}
