namespace DeskPhone.Hal.RaspberryPi.Tests;

/// <summary>
/// A real PCM with one xrun forced on it. ALSA's null and file plugins have no clock, so they
/// never under- or overrun by themselves; this does what the kernel does on an xrun — the
/// stream stops (snd_pcm_drop) and the transfer fails with −EPIPE — and then lets the device
/// under test recover the real stream with snd_pcm_recover.
/// </summary>
internal sealed class XrunInjector(IPcmStream inner, int failReadNumber = -1, int failWriteNumber = -1) : IPcmStream
{
    private int _reads;
    private int _writes;

    public string Name => inner.Name;

    public int PeriodFrames => inner.PeriodFrames;

    public int BufferFrames => inner.BufferFrames;

    /// <summary>The recoveries asked of the real stream, with their error codes.</summary>
    public List<int> Recoveries { get; } = [];

    public int Prepare() => inner.Prepare();

    public int Start() => inner.Start();

    public int Drop() => inner.Drop();

    public long Write(ReadOnlySpan<short> samples) => ++_writes == failWriteNumber ? Xrun() : inner.Write(samples);

    public long Read(Span<short> samples) => ++_reads == failReadNumber ? Xrun() : inner.Read(samples);

    public int Recover(int error)
    {
        Recoveries.Add(error);
        return inner.Recover(error);
    }

    public int AvailDelay(out long available, out long delay) => inner.AvailDelay(out available, out delay);

    public void Dispose() => inner.Dispose();

    private long Xrun()
    {
        inner.Drop();
        return -AlsaNative.EPIPE;
    }
}
