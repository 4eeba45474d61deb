using DeskPhone.Hosting;

namespace DeskPhone.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Parse_SwitchesAndOverrides()
    {
        var line = CommandLine.Parse(["--config", "/etc/deskphone.json", "--headless", "Sip:ListenPort=5080"]);

        Assert.Null(line.Error);
        Assert.Equal("/etc/deskphone.json", line.ConfigPath);
        Assert.True(line.Headless);
        Assert.False(line.SelfTest);
        Assert.Equal(["--Sip:ListenPort=5080"], line.ConfigurationArguments);
    }

    [Theory]
    [InlineData("--config", "--config needs a path")]
    [InlineData("--verbose", "unknown argument '--verbose'")]
    public void Parse_BadArguments_SaysWhatIsWrong(string argument, string error)
    {
        Assert.Equal(error, CommandLine.Parse([argument]).Error);
    }
}
