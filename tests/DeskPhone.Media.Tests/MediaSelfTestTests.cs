namespace DeskPhone.Media.Tests;

public sealed class MediaSelfTestTests
{
    [Fact]
    public void Run_OnAWorkingMediaLayer_ReportsNoProblems()
    {
        Assert.Empty(MediaSelfTest.Run());
    }
}
