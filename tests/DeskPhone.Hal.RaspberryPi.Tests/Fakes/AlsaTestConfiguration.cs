using System.Runtime.InteropServices;

namespace DeskPhone.Hal.RaspberryPi.Tests;

/// <summary>
/// Points alsa-lib at alsa/test-alsa.conf before any test opens a PCM. alsa-lib reads the
/// variable with getenv(3), which sees the process environment, not .NET's copy of it — hence
/// setenv(3) rather than Environment.SetEnvironmentVariable.
/// </summary>
public sealed partial class AlsaTestConfiguration
{
    public AlsaTestConfiguration()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "alsa", "test-alsa.conf");
        if (!File.Exists(path) || SetEnvironment("ALSA_CONFIG_PATH", path, 1) != 0)
        {
            throw new InvalidOperationException($"Cannot point ALSA at {path}");
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvironment(string name, string value, int overwrite);
}

/// <summary>The tests that load libasound: they share one configuration and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class AlsaCollection : ICollectionFixture<AlsaTestConfiguration>
{
    public const string Name = "ALSA";
}
