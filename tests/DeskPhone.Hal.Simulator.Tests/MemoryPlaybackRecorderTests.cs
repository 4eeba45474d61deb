using DeskPhone.Hal.Simulator;

namespace DeskPhone.Hal.Simulator.Tests;

public sealed class MemoryPlaybackRecorderTests
{
    [Fact]
    public void Snapshot_BeforeAnything_IsEmpty()
    {
        var recorder = new MemoryPlaybackRecorder(8);

        Assert.Empty(recorder.Snapshot());
    }

    [Fact]
    public void Snapshot_KeepsOnlyTheMostRecentSamplesOldestFirst()
    {
        var recorder = new MemoryPlaybackRecorder(5);
        IAudioPlaybackSink sink = recorder;

        sink.Write([1, 2, 3]);
        sink.Write([4, 5, 6]);
        sink.Write([7, 8, 9]);

        Assert.Equal([5, 6, 7, 8, 9], recorder.Snapshot());
    }

    [Fact]
    public void Snapshot_WhileTheAudioThreadWrites_ReturnsOnlyIntactConsecutiveSamples()
    {
        var recorder = new MemoryPlaybackRecorder(1000);
        IAudioPlaybackSink sink = recorder;
        using var stop = new CancellationTokenSource();
        var writer = new Thread(() =>
        {
            var frame = new short[160];
            short next = 0;
            while (!stop.IsCancellationRequested)
            {
                for (int i = 0; i < frame.Length; i++)
                {
                    frame[i] = next++;
                }

                sink.Write(frame);
            }
        });
        writer.Start();

        try
        {
            // On a loaded machine the writer may start late: the snapshots must overlap its writing.
            Assert.True(SpinWait.SpinUntil(() => recorder.Snapshot().Length > 0, TimeSpan.FromSeconds(10)), "the writer never wrote");
            int torn = 0;
            int samplesSeen = 0;
            for (int attempt = 0; attempt < 500; attempt++)
            {
                short[] snapshot = recorder.Snapshot();
                samplesSeen += snapshot.Length;
                for (int i = 1; i < snapshot.Length; i++)
                {
                    // Samples count up (wrapping at 16 bits); a torn copy would break the run.
                    torn += snapshot[i] == (short)(snapshot[i - 1] + 1) ? 0 : 1;
                }
            }

            Assert.Equal(0, torn);
            Assert.True(samplesSeen > 0, "no snapshot held any sample");
        }
        finally
        {
            stop.Cancel();
            writer.Join();
        }
    }
}
