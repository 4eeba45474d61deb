using DeskPhone.Hal.Simulator;

namespace DeskPhone.Hal.Simulator.Tests;

public sealed class SimulatedHardwareTests
{
    [Fact]
    public void InterfaceMembers_AreTheConcreteDevices()
    {
        using var hardware = new SimulatedHardware(new SimulatorOptions { Columns = 16, Rows = 2 });
        IPhoneHardware phone = hardware;

        Assert.Same(hardware.Hook, phone.HookSwitch);
        Assert.Same(hardware.Keys, phone.Keypad);
        Assert.Same(hardware.Screen, phone.Display);
        Assert.Same(hardware.Audio, phone.Audio);
        Assert.Same(hardware.Ringer, phone.Ringer);
        Assert.Same(hardware.Indicators, phone.Indicators);
        Assert.Equal((16, 2), (phone.Display.Columns, phone.Display.Rows));
    }

    [Fact]
    public void MemorySink_ExposesARecorderOfTheConfiguredLength()
    {
        using var hardware = new SimulatedHardware(new SimulatorOptions { PlaybackSink = SimulatorPlaybackSink.Memory, MemoryRecorderSeconds = 3 });

        Assert.Equal(24000, hardware.Audio.Recorder!.Capacity);
        Assert.Equal("memory recorder", hardware.Audio.PlaybackDescription);
    }

    [Fact]
    public void Constructor_WithInvalidOptions_ThrowsWithTheValidationErrors()
    {
        var error = Assert.Throws<ArgumentException>(() => new SimulatedHardware(new SimulatorOptions { Rows = 0 }));

        Assert.Contains("Simulator:Rows: ", error.Message);
    }

    [Fact]
    public void Dispose_StopsARunningAudioDevice()
    {
        var hardware = new SimulatedHardware(new SimulatorOptions());
        hardware.Audio.Start(new SilentHandler());

        hardware.Dispose();

        Assert.False(hardware.Audio.IsRunning);
    }

    private sealed class SilentHandler : IAudioFrameHandler
    {
        public void ProcessCapture(ReadOnlySpan<short> frame)
        {
            // The test only needs the device running.
        }

        public void RenderPlayback(Span<short> frame)
        {
            // Silence: leave the cleared frame as it is.
        }
    }
}
