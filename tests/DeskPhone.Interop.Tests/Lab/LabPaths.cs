namespace DeskPhone.Interop.Tests.Lab;

/// <summary>Where the lab files (tests/lab) of this checkout are.</summary>
internal static class LabPaths
{
    /// <summary>
    /// Walks up from the test binaries to the folder holding DeskPhone.sln, so the
    /// tests use the lab files of the checkout they were built from.
    /// </summary>
    public static string LabDirectory()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DeskPhone.sln")))
            {
                return Path.Combine(folder.FullName, "tests", "lab");
            }
        }

        throw new InvalidOperationException(
            $"No folder above {AppContext.BaseDirectory} holds DeskPhone.sln, so tests/lab cannot be found.");
    }
}
