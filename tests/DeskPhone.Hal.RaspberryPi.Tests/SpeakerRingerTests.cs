using Microsoft.Extensions.Logging.Abstractions;

namespace DeskPhone.Hal.RaspberryPi.Tests;

[Collection(AlsaCollection.Name)]
public sealed class SpeakerRingerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("deskphone-ringer-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Ringing_WritesTheToneAndTheSilencesOfTheCadenceToTheDevice()
    {
        string file = Path.Combine(_folder, "ringer.raw");
        const int Rate = SpeakerRinger.SampleRate;
        var (pcm, error) = AlsaPcm.Open($"record:FILE=\"{file}\"", capture: false, Rate, 160, 640, 160);
        Assert.True(pcm is not null, error);
        var counted = new CountingPcm(pcm, framesToSignal: 2 * Rate);
        using (var ringer = new SpeakerRinger(counted, new RingCadence([250, 750]), 1000, NullLogger.Instance))
        {
            ringer.StartRinging();
            Assert.True(ringer.IsRinging);
            Assert.True(counted.Reached.Wait(TimeSpan.FromSeconds(10)), "the ringer did not write two seconds of sound");
            ringer.StopRinging();
            Assert.False(ringer.IsRinging);
        }

        short[] rung = Tone.ReadRaw(file);
        int on = Rate / 4;
        int off = 3 * Rate / 4;
        Assert.Equal(1000, Tone.DominantFrequency(rung.AsSpan(0, on), Rate));
        Assert.All(rung[on..(on + off)], sample => Assert.Equal(0, sample));
        Assert.Equal(1000, Tone.DominantFrequency(rung.AsSpan(on + off, on), Rate));
        Assert.All(rung[((2 * on) + off)..((2 * on) + (2 * off))], sample => Assert.Equal(0, sample));
    }

    /// <summary>A real PCM that signals once a number of frames has been written to it.</summary>
    private sealed class CountingPcm(IPcmStream inner, int framesToSignal) : IPcmStream
    {
        private long _written;

        public ManualResetEventSlim Reached { get; } = new();

        public string Name => inner.Name;

        public int PeriodFrames => inner.PeriodFrames;

        public int BufferFrames => inner.BufferFrames;

        public int Prepare() => inner.Prepare();

        public int Start() => inner.Start();

        public int Drop() => inner.Drop();

        public long Write(ReadOnlySpan<short> samples)
        {
            long written = inner.Write(samples);
            if (written > 0 && (_written += written) >= framesToSignal)
            {
                Reached.Set();
            }

            return written;
        }

        public long Read(Span<short> samples) => inner.Read(samples);

        public int Recover(int error) => inner.Recover(error);

        public int AvailDelay(out long available, out long delay) => inner.AvailDelay(out available, out delay);

        public void Dispose() => inner.Dispose();
    }
}
