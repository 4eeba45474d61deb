using System.Diagnostics;
using DeskPhone.Hal;

namespace DeskPhone.Media.Tests;

/// <summary>
/// The per-frame audio paths must not allocate once warmed up (they run on the real-time audio
/// thread). Both streams first receive from each other, so that symmetric RTP has latched: that
/// happens once per call, not per frame. Opus counts on the system's libopus; without it the
/// test fails, since Concentus, the fallback, allocates on every frame.
/// </summary>
public sealed class AllocationTests
{
    /// <summary>
    /// The wideband G.722 and Opus pipelines, and G.722 on a 48 kHz device (converted to and from
    /// 16 kHz by the engine), run 10,000 frames; the resampling and narrowband variants fewer, to
    /// keep the suite fast.
    /// </summary>
    public static TheoryData<AudioCodec, int, bool, int> Pipelines => new()
    {
        { AudioCodec.G722, 16000, true, 10_000 },
        { AudioCodec.G722, 48000, true, 10_000 },
        { AudioCodec.Pcmu, 48000, false, 2_000 },
        { AudioCodec.Pcmu, 8000, true, 2_000 },
        { AudioCodec.Pcma, 16000, false, 2_000 },
        { AudioCodec.G722, 8000, false, 2_000 },
        { AudioCodec.Opus, 16000, true, 10_000 },
        { AudioCodec.Opus, 8000, false, 2_000 },
    };

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void Frames_ThroughTheWholePipeline_AllocateNothing(AudioCodec codec, int sampleRate, bool events, int frames)
    {
        if (codec == AudioCodec.Opus)
        {
            OpusAudio.RequireNative();
        }

        var engine = new AudioEngine(new AudioFormat(sampleRate, sampleRate / 50));
        AudioFormat streams = engine.StreamFormat;
        using StreamPair pair = StreamPair.Open(codec, streams, events);
        int digitsReceived = 0;
        pair.A.DigitReceived += _ => Interlocked.Increment(ref digitsReceived);
        engine.Attach(pair.A);
        short[] microphone = Signal.SineFrame(1000, 8000, 0, sampleRate);
        var earpiece = new short[engine.Format.FrameSamples];

        // The far end's own frames, at the streams' rate (16 kHz when the engine converts 48 kHz).
        short[] farMicrophone = Signal.SineFrame(1000, 8000, 0, streams.SampleRate);
        var farEarpiece = new short[streams.FrameSamples];

        void OneFrameOfEverything(int i)
        {
            engine.SetMuted(i % 7 == 0);
            engine.SetTone((i % 50) switch
            {
                < 10 => CallProgressTone.Busy,
                < 20 => CallProgressTone.CallWaiting,
                _ => CallProgressTone.None,
            });
            engine.ProcessCapture(microphone);
            engine.RenderPlayback(earpiece);
            pair.B.SendCaptureFrame(farMicrophone);
            pair.B.ReadPlayoutFrame(farEarpiece);
            pair.A.ReadPlayoutFrame(farEarpiece);

            // Frames here come far faster than every 20 ms; on a loaded machine the receive
            // threads could fall so far behind that the socket buffers overflow and whole
            // digits are lost. Keep them within a few packets, as a real-time clock would.
            // Both directions (the digits go from B to A), waiting at most a millisecond per frame:
            // a packet the kernel dropped never arrives, and must not stall every later frame.
            long giveUpAt = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 1000);
            while ((pair.B.PacketsReceived < pair.A.PacketsSent - 8 || pair.A.PacketsReceived < pair.B.PacketsSent - 8)
                && Stopwatch.GetTimestamp() < giveUpAt)
            {
                Thread.Yield();
            }
        }

        for (int i = 0; i < 300; i++)
        {
            OneFrameOfEverything(i);
        }

        StreamPair.WaitForReceived(pair.A, 1);
        StreamPair.WaitForReceived(pair.B, 1);

        // Digits and key presses are queued by the phone loop beforehand; sending and playing them is per frame.
        foreach (char digit in "0123456789*#ABCD0123456789*#")
        {
            Assert.True(pair.B.SendDigit(digit));
        }

        engine.PlayKeyTone(PhoneKey.Digit9);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < frames; i++)
        {
            OneFrameOfEverything(i);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(pair.A.PacketsSent >= frames + 300);
        Assert.True(pair.B.PacketsReceived > 0);
        if (events)
        {
            Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref digitsReceived) == 28, TimeSpan.FromSeconds(5)), $"{digitsReceived} digits");
        }
    }
}
