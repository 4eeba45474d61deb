namespace DeskPhone.Interop.Tests.Lab;

/// <summary>Finds the external programs the lab runs.</summary>
internal static class LabTools
{
    // Debian installs kamailio and kamcmd in /usr/sbin, which is not on a normal user's PATH.
    private static readonly string[] SystemFolders = ["/usr/local/sbin", "/usr/sbin", "/sbin"];

    /// <summary>The full path of <paramref name="program"/>, or a clear failure telling how to install it.</summary>
    public static string Require(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var folders = path.Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(SystemFolders);
        foreach (var folder in folders)
        {
            var candidate = Path.Combine(folder, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"'{program}' is not installed (looked on PATH and in /usr/sbin): run `make deps` to install the lab tools.");
    }
}
