namespace DeskPhone.Tests;

/// <summary>The built program, run as an administrator would run it.</summary>
public sealed class SelfTestTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deskphone-selftest-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void SelfTest_GoodConfiguration_PrintsVersionAndPasses()
    {
        var config = Write("""{ "Account": { "Extension": "101", "Password": "x" }, "Sip": { "Registrar": "127.0.0.1" } }""");

        var (code, output) = ProgramRunner.Run("--config", config, "--self-test");

        Assert.Equal(0, code);
        Assert.Contains("deskphone 0.1.0", output);
        Assert.Contains("storage: ok", output);
        Assert.Contains("codecs: ok", output);
        Assert.Contains("self-test passed", output);
        Assert.True(Directory.Exists(Path.Combine(folder, "data")));
    }

    [Fact]
    public void Start_UnknownKey_StopsWithAMessageNamingIt()
    {
        var config = Write("""{ "Account": { "Extension": "101", "Password": "x" }, "Sip": { "Registrar": "127.0.0.1", "Registar": "typo" } }""");

        var (code, output) = ProgramRunner.Run("--config", config, "--self-test");

        Assert.Equal(2, code);
        Assert.Contains("deskphone: configuration error: Sip:Registar: unknown configuration key", output);
    }

    [Fact]
    public void SelfTest_UnwritableDataDirectory_Fails()
    {
        var blocker = Path.Combine(folder, "file");
        File.WriteAllText(blocker, "not a folder");
        var config = Write($$"""{ "Account": { "Extension": "101", "Password": "x" }, "Sip": { "Registrar": "127.0.0.1" }, "Storage": { "DataDirectory": "{{blocker}}/data" } }""");

        var (code, output) = ProgramRunner.Run("--config", config, "--self-test");

        Assert.Equal(1, code);
        Assert.Contains("storage: FAILED", output);
        Assert.Contains("Storage:DataDirectory", output);
    }

    private string Write(string json)
    {
        var path = Path.Combine(folder, "deskphone.json");
        File.WriteAllText(path, json);
        return path;
    }
}
