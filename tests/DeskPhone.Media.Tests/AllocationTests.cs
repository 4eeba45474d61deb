namespace DeskPhone.Media.Tests;

/// <summary>The per-frame audio paths must not allocate once warmed up (they run on the real-time audio thread).</summary>
public sealed class AllocationTests
{
    [Fact]
    public void PerFrameCalls_AfterWarmUp_DoNotAllocate()
    {
        using StreamPair pair = StreamPair.Open();
        var engine = new AudioEngine(StreamPair.Format);
        engine.Attach(pair.A);
        short[] microphone = Signal.SineFrame(1000, 8000, 0);
        var earpiece = new short[Signal.FrameSamples];

        void OneFrameOfEverything(int i)
        {
            engine.SetMuted(i % 7 == 0);
            engine.SetTone(i % 5 == 0 ? CallProgressTone.Busy : CallProgressTone.None);
            engine.ProcessCapture(microphone);
            engine.RenderPlayback(earpiece);
            pair.B.SendCaptureFrame(microphone);
            pair.B.ReadPlayoutFrame(earpiece);
            pair.A.ReadPlayoutFrame(earpiece);
        }

        for (int i = 0; i < 300; i++)
        {
            OneFrameOfEverything(i);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            OneFrameOfEverything(i);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(pair.A.PacketsSent >= 1300);
        Assert.True(pair.B.PacketsReceived > 0);
    }
}
