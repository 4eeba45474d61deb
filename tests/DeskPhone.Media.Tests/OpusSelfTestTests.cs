using DeskPhone.Media.Codecs;

namespace DeskPhone.Media.Tests;

public sealed class OpusSelfTestTests
{
    [Fact]
    public void Run_WithLibopusInstalled_ReportsNoProblems()
    {
        OpusAudio.RequireNative();

        Assert.Empty(OpusSelfTest.Run());
    }
}
