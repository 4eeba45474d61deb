using System.Diagnostics;
using DeskPhone.Hal.Scheduling;
using DeskPhone.Hal.Simulator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeskPhone.Hal.Simulator.Tests;

/// <summary>
/// The device is a clock, so these few tests run it in real time: briefly, with wide margins.
/// </summary>
public sealed class SimulatedAudioDeviceTests
{
    private static readonly AudioFormat Format = new(8000, 160);

    [Fact]
    public async Task Running_ForAbout300Ms_ProcessesFramesAtTheFrameRate()
    {
        var handler = new CountingHandler();
        using var device = new SimulatedAudioDevice(Format, new SilenceCaptureSource(), new NullPlaybackSink(), NullLogger.Instance);

        var clock = Stopwatch.StartNew();
        device.Start(handler);
        await Task.Delay(300);
        device.Stop();
        double elapsedMs = clock.Elapsed.TotalMilliseconds;

        // 20 ms frames: about 16 in 300 ms. Never more than the clock allows; a loaded machine may give fewer.
        Assert.InRange(device.FramesProcessed, 5, (long)(elapsedMs / 20) + 2);
        Assert.Equal(device.FramesProcessed, handler.Captured);
        Assert.Equal(device.FramesProcessed, handler.Rendered);
        Assert.False(device.IsRunning);
    }

    [Fact]
    public async Task Frames_CarryTheCaptureSourceToTheHandler_AndTheRenderedFrameToTheSink()
    {
        var recorder = new MemoryPlaybackRecorder(8000);
        var handler = new CountingHandler { PlaybackValue = 1234 };
        using var device = new SimulatedAudioDevice(Format, new ToneCaptureSource(1000, 5000, 8000), recorder, NullLogger.Instance);

        device.Start(handler);
        await WaitUntil(() => device.FramesProcessed >= 3);
        device.Stop();

        Assert.InRange(handler.LargestCaptured, 4900, 5000);
        short[] played = recorder.Snapshot();
        Assert.Equal(Math.Min(device.FramesProcessed * 160, recorder.Capacity), played.Length);
        Assert.All(played, sample => Assert.Equal(1234, sample));
        Assert.Same(recorder, device.Recorder);
    }

    [Fact]
    public async Task RenderPlayback_AlwaysGetsAClearedFrame()
    {
        var handler = new CountingHandler { PlaybackValue = 0, CheckPlaybackClearedThenScribble = true };
        using var device = new SimulatedAudioDevice(Format, new SilenceCaptureSource(), new NullPlaybackSink(), NullLogger.Instance);

        device.Start(handler);
        await WaitUntil(() => device.FramesProcessed >= 3);
        device.Stop();

        Assert.Equal(0, handler.DirtyPlaybackFrames);
    }

    [Fact]
    public void Start_WhileRunning_Throws_AndStopTwiceIsHarmless()
    {
        using var device = new SimulatedAudioDevice(Format, new SilenceCaptureSource(), new NullPlaybackSink(), NullLogger.Instance);
        device.Start(new CountingHandler());

        Assert.Throws<InvalidOperationException>(() => device.Start(new CountingHandler()));

        device.Stop();
        device.Stop();
        Assert.False(device.IsRunning);
    }

    [Fact]
    public async Task AudioLoop_AfterWarmUp_AllocatesNothing()
    {
        var recorder = new MemoryPlaybackRecorder(8000);
        var handler = new AllocationProbe();
        using var device = new SimulatedAudioDevice(Format, new ToneCaptureSource(440, 8000, 8000), recorder, NullLogger.Instance);

        device.Start(handler);
        await WaitUntil(() => handler.Frames >= AllocationProbe.LastFrame);
        device.Stop();

        Assert.Equal(handler.AllocatedAtFirstFrame, handler.AllocatedAtLastFrame);
    }

    [Fact]
    public async Task AudioThread_WithAPriority_RunsUnderFifoOrWarnsOnceAndRunsNormally()
    {
        // Whether this process may use SCHED_FIFO, asked on a throw-away thread.
        bool permitted = false;
        var probe = new Thread(() => permitted = RealtimeScheduling.TryUseFifo(20).Granted);
        probe.Start();
        probe.Join();
        var handler = new SchedulingProbe();
        var logger = new WarningCounter();
        using var device = new SimulatedAudioDevice(Format, new SilenceCaptureSource(), new NullPlaybackSink(), logger, realtimePriority: 20);

        device.Start(handler);
        await WaitUntil(() => device.FramesProcessed >= 3);
        device.Stop();

        Assert.Equal(permitted ? (SchedulingPolicy.Fifo, 20) : (SchedulingPolicy.Other, 0), handler.Seen);
        Assert.Equal(permitted ? 0 : 1, logger.Warnings);
    }

    [Fact]
    public async Task AudioThread_WithPriorityZero_StaysUnderTheNormalScheduler()
    {
        var handler = new SchedulingProbe();
        var logger = new WarningCounter();
        using var device = new SimulatedAudioDevice(Format, new SilenceCaptureSource(), new NullPlaybackSink(), logger, realtimePriority: 0);

        device.Start(handler);
        await WaitUntil(() => device.FramesProcessed >= 3);
        device.Stop();

        Assert.Equal((SchedulingPolicy.Other, 0), handler.Seen);
        Assert.Equal(0, logger.Warnings);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var limit = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(limit.Elapsed < TimeSpan.FromSeconds(5), "the audio thread made no progress");
            await Task.Delay(10);
        }
    }

    private sealed class CountingHandler : IAudioFrameHandler
    {
        private long _captured;
        private long _rendered;

        public short PlaybackValue { get; init; }

        public bool CheckPlaybackClearedThenScribble { get; init; }

        public long Captured => Volatile.Read(ref _captured);

        public long Rendered => Volatile.Read(ref _rendered);

        public int LargestCaptured { get; private set; }

        public int DirtyPlaybackFrames { get; private set; }

        public void ProcessCapture(ReadOnlySpan<short> frame)
        {
            foreach (short sample in frame)
            {
                LargestCaptured = Math.Max(LargestCaptured, sample);
            }

            Interlocked.Increment(ref _captured);
        }

        public void RenderPlayback(Span<short> frame)
        {
            if (CheckPlaybackClearedThenScribble)
            {
                if (frame.ContainsAnyExcept((short)0))
                {
                    DirtyPlaybackFrames++;
                }

                frame.Fill(99);
            }
            else
            {
                frame.Fill(PlaybackValue);
            }

            Interlocked.Increment(ref _rendered);
        }
    }

    /// <summary>Reads the audio thread's scheduling policy from inside the loop (on the first frame).</summary>
    private sealed class SchedulingProbe : IAudioFrameHandler
    {
        private int _frames;

        public (SchedulingPolicy Policy, int Priority) Seen { get; private set; } = (SchedulingPolicy.Unknown, -1);

        public void ProcessCapture(ReadOnlySpan<short> frame)
        {
            if (Interlocked.Increment(ref _frames) == 1)
            {
                Seen = RealtimeScheduling.Current();
            }
        }

        public void RenderPlayback(Span<short> frame)
        {
            // The capture side reads the policy; both run on the same thread.
        }
    }

    /// <summary>Counts warnings; called on the audio thread.</summary>
    private sealed class WarningCounter : ILogger
    {
        private int _warnings;

        public int Warnings => Volatile.Read(ref _warnings);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Interlocked.Increment(ref _warnings);
            }
        }
    }

    /// <summary>Reads the audio thread's allocation counter from inside the loop.</summary>
    private sealed class AllocationProbe : IAudioFrameHandler
    {
        public const int FirstFrame = 3;
        public const int LastFrame = 10;
        private int _frames;

        public int Frames => Volatile.Read(ref _frames);

        public long AllocatedAtFirstFrame { get; private set; }

        public long AllocatedAtLastFrame { get; private set; }

        public void ProcessCapture(ReadOnlySpan<short> frame)
        {
            // Only RenderPlayback measures, once per frame.
        }

        public void RenderPlayback(Span<short> frame)
        {
            frame.Fill(1);
            int count = Interlocked.Increment(ref _frames);
            if (count == FirstFrame)
            {
                AllocatedAtFirstFrame = GC.GetAllocatedBytesForCurrentThread();
            }
            else if (count == LastFrame)
            {
                AllocatedAtLastFrame = GC.GetAllocatedBytesForCurrentThread();
            }
        }
    }
}
