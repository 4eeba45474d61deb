using DeskPhone.Hal.Simulator;

namespace DeskPhone.Hal.Simulator.Tests;

public sealed class AlsaProbeTests
{
    [Fact]
    public void ListsCard_FindsACardLine()
    {
        const string listing = "**** List of PLAYBACK Hardware Devices ****\ncard 0: PCH [HDA Intel PCH], device 0: ALC3246 Analog [ALC3246 Analog]\n  Subdevices: 1/1\n";

        Assert.True(AlsaProbe.ListsCard(listing));
        Assert.False(AlsaProbe.ListsCard(string.Empty));
    }

    [Fact]
    public void ListsUsablePcm_IgnoresTheNullDeviceAndDescriptions()
    {
        const string onlyNull = "null\n    Discard all samples (playback) or generate zero samples (capture)\n";
        const string withPulse = onlyNull + "pulse\n    PulseAudio Sound Server\n";

        Assert.False(AlsaProbe.ListsUsablePcm(onlyNull));
        Assert.True(AlsaProbe.ListsUsablePcm(withPulse));
    }
}
